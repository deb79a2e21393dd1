using System.Security.Claims;
using Yhdessa.Platform.Data;

namespace Yhdessa.Platform.Audit;

/// <summary>Writes the audit log. The entry is added to the caller's unit of work and saved with it,
/// so an action and its audit entry land together or not at all.</summary>
public sealed class AuditLog(YhdessaDb db, IHttpContextAccessor http, TimeProvider clock)
{
    public void Record(string action, string subject, string? details = null, string? actorId = null)
    {
        var context = http.HttpContext;
        db.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            ActorId = actorId ?? context?.User.FindFirstValue(ClaimTypes.NameIdentifier),
            Action = action,
            Subject = subject,
            Details = details,
            IpAddress = context?.Connection.RemoteIpAddress?.ToString(),
        });
    }

    /// <summary>Records and saves at once, for actions that change nothing else in the database (e.g. a sign-in).</summary>
    public async Task RecordNowAsync(string action, string subject, string? details = null, string? actorId = null,
        CancellationToken cancellationToken = default)
    {
        Record(action, subject, details, actorId);
        await db.SaveChangesAsync(cancellationToken);
    }
}

