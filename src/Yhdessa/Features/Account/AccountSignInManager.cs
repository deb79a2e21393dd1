using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Account;

/// <summary>
/// Identity's sign-in manager, plus: the periodic session check also ends the sessions of a disabled account, even
/// if whatever disabled it did not renew the security stamp.
/// </summary>
public sealed class AccountSignInManager(
    UserManager<User> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<User> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<User>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<User> confirmation)
    : SignInManager<User>(users, http, claims, options, logger, schemes, confirmation)
{
    public override async Task<User?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsDisabled: false } ? user : null;
    }
}
