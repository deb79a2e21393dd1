using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Account;

/// <summary>
/// The tokens in confirmation, email-change and reset links. Like Identity's DataProtectorTokenProvider, a token
/// is bound to the account, the purpose and the security stamp (so a reset or an email change uses it up), and it
/// expires after <see cref="DataProtectionTokenProviderOptions.TokenLifespan"/>. Unlike it, it reads the time from
/// the app's <see cref="TimeProvider"/>, so that the expiry is one clock with everything else and can be tested.
/// </summary>
public sealed class AccountLinkTokenProvider(
    IDataProtectionProvider protection, IOptions<DataProtectionTokenProviderOptions> options, TimeProvider clock,
    ILogger<AccountLinkTokenProvider> logger) : IUserTwoFactorTokenProvider<User>
{
    private readonly IDataProtector protector = protection.CreateProtector("Yhdessa.Account.Links");

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<User> manager, User user) => Task.FromResult(false);

    public async Task<string> GenerateAsync(string purpose, UserManager<User> manager, User user)
    {
        using var buffer = new MemoryStream();
        await using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(clock.GetUtcNow().UtcTicks);
            writer.Write(await manager.GetUserIdAsync(user));
            writer.Write(purpose);
            writer.Write(await manager.GetSecurityStampAsync(user) ?? "");
        }
        return WebEncoders.Base64UrlEncode(protector.Protect(buffer.ToArray()));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<User> manager, User user)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(protector.Unprotect(WebEncoders.Base64UrlDecode(token))), Encoding.UTF8);
            var created = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            var userId = reader.ReadString();
            var tokenPurpose = reader.ReadString();
            var stamp = reader.ReadString();
            if (created + options.Value.TokenLifespan < clock.GetUtcNow()) return false;
            if (userId != await manager.GetUserIdAsync(user) || tokenPurpose != purpose) return false;
            var current = await manager.GetSecurityStampAsync(user) ?? "";
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(stamp), Encoding.UTF8.GetBytes(current));
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException or EndOfStreamException)
        {
            logger.LogInformation("An account link token could not be read");
            return false;
        }
    }
}
