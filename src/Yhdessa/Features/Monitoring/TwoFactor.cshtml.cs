using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Monitoring.Access;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Monitoring;

/// <summary><c>/monitoring/two-factor</c>: where a coordinator or reporter lands when opening micro-data without
/// two-step sign-in — why it is needed and what to do: turn it on for the account, or, when the account has it but
/// this session was signed in without the code, sign in again. Any signed-in person may read it.</summary>
public class TwoFactorModel(TwoStepSignIn twoStep, SignInManager<User> signIn, IStringLocalizer<MonitoringText> text) : PageModel
{
    /// <summary>The page the person was opening; signing in again returns there.</summary>
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public TwoStepState State { get; private set; }

    public async Task OnGetAsync() => State = await twoStep.StateAsync(User);

    /// <summary>Ends this session and opens the sign-in, which asks for the authenticator code of a two-step account.
    /// Signing out is a form post, so that no link or image can end anyone's session.</summary>
    public async Task<IActionResult> OnPostSignInAgainAsync()
    {
        var target = ReturnUrl is not null && Languages.IsLocal(ReturnUrl) ? ReturnUrl : "/monitoring";
        // Only a session that a new sign-in would help is ended (a form sent twice, or from an old tab, ends none).
        if (await twoStep.StateAsync(User) != TwoStepState.SessionWithout) return RedirectToPage(new { returnUrl = target });
        await signIn.SignOutAsync();
        TempData["Notice"] = text["TwoFactorSignInAgainNotice"].Value;
        return Redirect("/account/sign-in" + QueryString.Create("returnUrl", target));
    }
}
