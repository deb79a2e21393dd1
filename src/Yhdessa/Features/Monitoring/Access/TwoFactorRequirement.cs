using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Monitoring.Access;

/// <summary>Roles that see monitoring micro-data must use two-step sign-in: the account has it turned on AND this
/// session was signed in with the second step. The account setting alone is not enough: a session signed in with
/// the password before two-step sign-in was turned on (or by whoever had the password then) never gave a code.</summary>
public sealed class TwoFactorRequirement : IAuthorizationRequirement;

/// <summary>Where a person stands with two-step sign-in, in the order they fix it.</summary>
public enum TwoStepState
{
    /// <summary>The account does not have two-step sign-in: turn it on.</summary>
    AccountWithout,
    /// <summary>The account has it, but this session was signed in with the password only: sign in again.</summary>
    SessionWithout,
    /// <summary>The account has it and this session gave the second step.</summary>
    Done,
}

/// <summary>
/// Reads both halves of two-step sign-in. The session half is the <c>amr</c> claim <c>mfa</c> that Identity's
/// SignInManager puts in the session ticket when the second step succeeds — with an authenticator code or with a
/// recovery code (both go through its two-factor sign-in), and which is carried over when the session is renewed
/// (see <see cref="KeepOnRenewal"/>). The platform never lets a browser skip the second step ("remember
/// this browser" is not offered), so a password-only session of a two-step account is one signed in before the
/// step was turned on. The account half is read from the database on each request, so turning two-step sign-in off
/// shuts the door at once rather than at the next sign-in.
/// </summary>
public sealed class TwoStepSignIn(UserManager<User> users)
{
    public const string MethodClaim = "amr";
    public const string MultiFactor = "mfa";

    public static bool SessionHasIt(ClaimsPrincipal principal) => principal.HasClaim(MethodClaim, MultiFactor);

    /// <summary>
    /// Identity's periodic security stamp check rebuilds the session's principal from the account and drops how the
    /// session signed in (RefreshSignInAsync keeps it, the stamp check does not), so a two-step session would turn
    /// into a password-only one within a minute. The stamp check has just proved that nothing about the account's
    /// credentials changed since, so the way of signing in carries over to the new principal.
    /// </summary>
    public static void KeepOnRenewal(SecurityStampValidatorOptions options)
    {
        var earlier = options.OnRefreshingPrincipal;
        options.OnRefreshingPrincipal = async context =>
        {
            if (earlier is not null) await earlier(context);
            if (context.CurrentPrincipal is { } current && context.NewPrincipal?.Identity is ClaimsIdentity renewed
                && SessionHasIt(current) && !SessionHasIt(context.NewPrincipal))
                renewed.AddClaim(new Claim(MethodClaim, MultiFactor));
        };
    }

    public async Task<TwoStepState> StateAsync(ClaimsPrincipal principal)
    {
        var user = principal.Identity?.IsAuthenticated == true ? await users.GetUserAsync(principal) : null;
        if (user is null || !await users.GetTwoFactorEnabledAsync(user)) return TwoStepState.AccountWithout;
        return SessionHasIt(principal) ? TwoStepState.Done : TwoStepState.SessionWithout;
    }
}

internal sealed class TwoFactorHandler(TwoStepSignIn twoStep) : AuthorizationHandler<TwoFactorRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, TwoFactorRequirement requirement)
    {
        // The claim is checked first: most refusals then cost no database query.
        if (!TwoStepSignIn.SessionHasIt(context.User)) return;
        if (await twoStep.StateAsync(context.User) == TwoStepState.Done) context.Succeed(requirement);
    }
}

/// <summary>
/// A person with the right role whose only missing piece is two-step sign-in is not refused but sent to a page
/// that explains why and what to do (turn it on, or sign in again with it), with the address they were opening so
/// that signing in again brings them back there. Every other outcome is the platform's usual one.
/// </summary>
internal sealed class TwoFactorRedirect : IAuthorizationMiddlewareResultHandler
{
    public const string Page = "/monitoring/two-factor";

    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Forbidden && result.AuthorizationFailure is { FailCalled: false } failure
            && failure.FailedRequirements.Any() && failure.FailedRequirements.All(r => r is TwoFactorRequirement))
        {
            // Only a page that can be opened again is worth returning to; a form post is not repeated.
            var target = HttpMethods.IsGet(context.Request.Method)
                ? Page + QueryString.Create("returnUrl", context.Request.PathBase + context.Request.Path + context.Request.QueryString)
                : Page;
            context.Response.Redirect(target);
            return Task.CompletedTask;
        }
        return fallback.HandleAsync(next, context, policy, result);
    }
}
