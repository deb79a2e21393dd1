using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Yhdessa.Features.Account;

/// <summary>Identity's error messages in the visitor's language. Only the errors a person can meet in the
/// account pages are translated specifically; the rest fall back to a general translated message.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<AccountText> text) : IdentityErrorDescriber
{
    private IdentityError Error(string code, string message) => new() { Code = code, Description = message };

    public override IdentityError DefaultError() => Error(nameof(DefaultError), text["ErrorGeneral"]);
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), text["ErrorGeneral"]);
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), text["ErrorPasswordMismatch"]);
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), text["ErrorInvalidToken"]);
    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), text["ErrorRecoveryCode"]);
    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated), text["ErrorGeneral"]);
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), text["ErrorEmailInvalid"]);
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), text["ErrorEmailInvalid"]);
    // An address already in use is never reported as such: the pages answer neutrally before this is reached.
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), text["ErrorGeneral"]);
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), text["ErrorGeneral"]);
    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), text["ErrorGeneral"]);
    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), text["ErrorGeneral"]);
    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), text["ErrorGeneral"]);
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), text["ErrorGeneral"]);
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), text["ErrorAlreadyInRole"]);
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), text["ErrorNotInRole"]);
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), text["ErrorPasswordTooShort", length]);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), text["ErrorPasswordTooCommon"]);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), text["ErrorGeneral"]);
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), text["ErrorGeneral"]);
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), text["ErrorGeneral"]);
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), text["ErrorGeneral"]);

    public IdentityError PasswordTooLong(int length) => Error(nameof(PasswordTooLong), text["ErrorPasswordTooLong", length]);
    public IdentityError PasswordTooCommon() => Error(nameof(PasswordTooCommon), text["ErrorPasswordTooCommon"]);
    public IdentityError PasswordContainsOwnDetails() => Error(nameof(PasswordContainsOwnDetails), text["ErrorPasswordOwnDetails"]);
}
