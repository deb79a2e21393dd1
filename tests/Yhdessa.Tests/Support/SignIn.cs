using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Tests.Support;

/// <summary>Signing in through the sign-in form over HTTP, as a person does, with the authenticator code when the
/// account has two-step sign-in.</summary>
public static class SignIn
{
    /// <summary>A new browser of the person, signed in. Without <paramref name="followRedirects"/> the browser
    /// stops at each redirect, for tests that read where a page sends it.</summary>
    public static async Task<WebBrowser> SignInAsync(this YhdessaApp app, string email, string password, bool followRedirects = true)
    {
        var browser = WebBrowser.Open(app, followRedirects);
        var step = await browser.SubmitAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.True(step.Status is HttpStatusCode.OK or HttpStatusCode.Redirect, $"Sign-in of {email} answered {step.Status}");
        var key = await app.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}");
            return await users.GetTwoFactorEnabledAsync(user) ? await users.GetAuthenticatorKeyAsync(user) : null;
        });
        if (key is null)
        {
            Assert.False(step.Path.StartsWith("/account/sign-in") && step.Status == HttpStatusCode.OK,
                $"Sign-in of {email} failed: {step.ErrorSummary}");
            return browser;
        }
        var path = followRedirects ? step.Path : "/account/sign-in/two-factor";
        var done = await browser.SubmitAsync(path, new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.True(done.Status is HttpStatusCode.OK or HttpStatusCode.Redirect, $"Two-step sign-in failed: {done.Status}");
        return browser;
    }
}
