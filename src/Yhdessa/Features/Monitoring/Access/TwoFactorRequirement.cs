using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Monitoring.Access;

/// <summary>Roles that see monitoring micro-data must use two-step sign-in: the account has it turned on, so
/// every sign-in needs the authenticator code.</summary>
public sealed class TwoFactorRequirement : IAuthorizationRequirement;

/// <summary>Reads the account's setting from the database on each request, so turning two-step sign-in off
/// shuts the door at once rather than at the next sign-in.</summary>
internal sealed class TwoFactorHandler(UserManager<User> users) : AuthorizationHandler<TwoFactorRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, TwoFactorRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true) return;
        var user = await users.GetUserAsync(context.User);
        if (user is not null && await users.GetTwoFactorEnabledAsync(user)) context.Succeed(requirement);
    }
}

/// <summary>
/// A person with the right role whose only missing piece is two-step sign-in is not refused but sent to a page
/// that explains why and how to turn it on. Every other outcome is the platform's usual one.
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
            context.Response.Redirect(Page);
            return Task.CompletedTask;
        }
        return fallback.HandleAsync(next, context, policy, result);
    }
}
