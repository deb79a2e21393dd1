using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Events.Registration;

/// <summary>
/// The signed link a registration's email carries: it opens the registration's own page, where the person cancels,
/// leaves the waiting list or accepts an offered seat without signing in. The token is the registration's id and
/// registration time, protected with ASP.NET Core Data Protection (keys in the database, shared by all instances),
/// so a changed token does not open anything. Whether the link still works is decided from the registration's state
/// and the event's time, by the app's clock.
/// </summary>
public sealed class RegistrationTokens(IDataProtectionProvider protection, IOptions<PlatformOptions> options)
{
    private readonly IDataProtector protector = protection.CreateProtector("Yhdessa.Events.Registration.v1");

    public string For(EventRegistration registration) =>
        protector.Protect($"{registration.Id}:{Stamp(registration.RegisteredAt)}");

    /// <summary>The registration time to the millisecond: PostgreSQL keeps microseconds, .NET ticks are finer.</summary>
    public static long Stamp(DateTimeOffset moment) => moment.UtcTicks / TimeSpan.TicksPerMillisecond;

    /// <summary>Whether the token read by <see cref="Read"/> belongs to this registration.</summary>
    public static bool Matches((int Id, long Stamp) read, EventRegistration registration) =>
        read.Id == registration.Id && read.Stamp == Stamp(registration.RegisteredAt);

    /// <summary>The absolute link for email, built from the configured base URL, never from the request's host.</summary>
    public string Url(EventRegistration registration, string language) =>
        $"{options.Value.BaseUrl.TrimEnd('/')}{Path(registration)}?culture={language}";

    public string Path(EventRegistration registration) => "/events/registration/" + For(registration);

    /// <summary>The registration id and time in a token, or null when the token was not made by this app.</summary>
    public (int Id, long Stamp)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000) return null;
        try
        {
            var parts = protector.Unprotect(token).Split(':');
            return parts.Length == 2 && int.TryParse(parts[0], out var id) && long.TryParse(parts[1], out var stamp)
                ? (id, stamp) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
