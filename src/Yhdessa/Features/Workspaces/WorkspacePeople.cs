using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Email;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Workspaces;

public sealed record ParticipantRow(int Id, string UserId, string Name, string? Email, WorkspaceRole Role, int? OrganisationId,
    string? OrganisationName, int Revision);

public sealed record InvitationRow(int Id, string Email, WorkspaceRole Role, string? OrganisationName, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

/// <summary>An invitation waiting for the signed-in person, shown on her workspace list.</summary>
public sealed record WaitingInvitation(int Id, int WorkspaceId, string WorkspaceName, WorkspaceRole Role);

public enum PeopleOutcome { Done, NotAllowed, NotFound, BadEmail, AlreadyParticipant, AlreadyInvited, LastLead, Stale, Expired, OtherAddress }

/// <summary>
/// Who takes part in a workspace: the coordinator names its leads, leads invite people by email, change their roles and
/// remove them. A workspace always keeps at least one lead once it has one: the last lead is neither removed nor made
/// a member until another lead is named. Changes of people take the workspace's row lock first, so that two leads who
/// demote each other at the same moment cannot leave the workspace without one.
/// </summary>
public sealed class WorkspacePeople(YhdessaDb db, EmailOutbox outbox, AuditLog audit, ILookupNormalizer normalizer, TimeProvider clock,
    IOptions<PlatformOptions> options, IStringLocalizer<WorkspacesText> text)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(30);

    public Task<List<ParticipantRow>> ParticipantsAsync(int workspaceId, CancellationToken cancellationToken) =>
        (from p in db.WorkspaceParticipants
         where p.WorkspaceId == workspaceId
         join u in db.Users on p.UserId equals u.Id
         join o in db.Organisations on p.OrganisationId equals o.Id into organisations
         from o in organisations.DefaultIfEmpty()
         orderby u.DisplayName
         select new ParticipantRow(p.Id, p.UserId, u.DisplayName, u.Email, p.Role, p.OrganisationId, o != null ? o.NameFi : null, p.Revision))
        .AsNoTracking().ToListAsync(cancellationToken);

    public Task<List<InvitationRow>> InvitationsAsync(int workspaceId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return (from i in db.WorkspaceInvitations
                where i.WorkspaceId == workspaceId && i.ExpiresAt > now
                join o in db.Organisations on i.OrganisationId equals o.Id into organisations
                from o in organisations.DefaultIfEmpty()
                orderby i.Email
                select new InvitationRow(i.Id, i.Email, i.Role, o != null ? o.NameFi : null, i.CreatedAt, i.ExpiresAt))
            .AsNoTracking().ToListAsync(cancellationToken);
    }

    /// <summary>Invites an address: the mail carries a link that joins the account with that address, after sign-up
    /// when there is none yet. The invitation is refused for an address that already takes part or is invited.</summary>
    public async Task<PeopleOutcome> InviteAsync(WorkspaceViewer viewer, string? email, WorkspaceRole role, int? organisationId,
        CancellationToken cancellationToken)
    {
        if (!viewer.CanLead) return PeopleOutcome.NotAllowed;
        var address = email is null ? "" : Platform.Text.InputRules.CleanEmail(email);
        if (!Platform.Text.InputRules.IsValidEmail(address)) return PeopleOutcome.BadEmail;
        var normalized = normalizer.NormalizeEmail(address)!;
        var workspace = viewer.Workspace;
        var account = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized)
            .Select(u => new { u.Id, u.PreferredLanguage }).FirstOrDefaultAsync(cancellationToken);
        if (account is not null && await db.WorkspaceParticipants.AnyAsync(p => p.WorkspaceId == workspace.Id && p.UserId == account.Id, cancellationToken))
            return PeopleOutcome.AlreadyParticipant;
        var now = clock.GetUtcNow();
        // An expired invitation to the same address gives way to the new one.
        await db.WorkspaceInvitations.Where(i => i.WorkspaceId == workspace.Id && i.NormalizedEmail == normalized && i.ExpiresAt <= now)
            .ExecuteDeleteAsync(cancellationToken);
        if (await db.WorkspaceInvitations.AnyAsync(i => i.WorkspaceId == workspace.Id && i.NormalizedEmail == normalized, cancellationToken))
            return PeopleOutcome.AlreadyInvited;
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        db.WorkspaceInvitations.Add(new WorkspaceInvitation
        {
            WorkspaceId = workspace.Id, Email = address, NormalizedEmail = normalized, Role = role, OrganisationId = organisationId,
            TokenHash = Hash(token), InvitedById = viewer.UserId, CreatedAt = now, ExpiresAt = now + InvitationLifetime,
        });
        using (Languages.Use(account?.PreferredLanguage ?? Languages.Current))
        {
            var site = options.Value.BaseUrl.TrimEnd('/');
            var subject = text["MailInvitedSubject", workspace.Name].Value;
            var (plain, html) = SimpleMail.Compose(subject,
                [text["MailInvitedBody", workspace.Name, text.RoleName(role)].Value,
                 account is null ? text["MailInvitedSignUp"].Value : text["MailInvitedSignIn"].Value,
                 text["MailInvitedExpires", HelsinkiTime.Date(now + InvitationLifetime)].Value],
                [(text["MailInvitedOpen"].Value, $"{site}/workspaces/join/{token}?culture={Languages.Current}")],
                text["MailSignature"].Value);
            outbox.Enqueue(address, subject, plain, html, userId: account?.Id);
        }
        audit.Record("workspace.invited", "workspace:" + workspace.Id, role.ToString());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear(); // the same invitation sent twice at once: the first one stands
            return PeopleOutcome.AlreadyInvited;
        }
        return PeopleOutcome.Done;
    }

    public async Task<PeopleOutcome> CancelInvitationAsync(WorkspaceViewer viewer, int invitationId, CancellationToken cancellationToken)
    {
        if (!viewer.CanLead) return PeopleOutcome.NotAllowed;
        var removed = await db.WorkspaceInvitations.Where(i => i.Id == invitationId && i.WorkspaceId == viewer.Workspace.Id)
            .ExecuteDeleteAsync(cancellationToken);
        if (removed == 0) return PeopleOutcome.NotFound;
        await audit.RecordNowAsync("workspace.invitation-cancelled", "workspace:" + viewer.Workspace.Id, cancellationToken: cancellationToken);
        return PeopleOutcome.Done;
    }

    /// <summary>The invitation a link carries, if it is still valid, with its workspace's name.</summary>
    public async Task<(WorkspaceInvitation Invitation, string WorkspaceName, string WorkspaceSlug)?> ByTokenAsync(string token,
        CancellationToken cancellationToken)
    {
        var hash = Hash(token);
        var now = clock.GetUtcNow();
        var found = await (from i in db.WorkspaceInvitations
                           where i.TokenHash == hash && i.ExpiresAt > now
                           join w in db.Workspaces on i.WorkspaceId equals w.Id
                           select new { i, w.Name, w.Slug }).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.i, found.Name, found.Slug);
    }

    /// <summary>The open invitations to the person's confirmed address.</summary>
    public async Task<List<WaitingInvitation>> WaitingForAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await (from u in db.Users
                      where u.Id == userId && u.EmailConfirmed
                      join i in db.WorkspaceInvitations on u.NormalizedEmail equals i.NormalizedEmail
                      where i.ExpiresAt > now
                      join w in db.Workspaces on i.WorkspaceId equals w.Id
                      orderby w.Name
                      select new WaitingInvitation(i.Id, w.Id, w.Name, i.Role)).AsNoTracking().ToListAsync(cancellationToken);
    }

    /// <summary>Joins the invitation's workspace with the signed-in account, which must have the invited address
    /// (confirmed): the link may be forwarded, the address may not.</summary>
    public async Task<(PeopleOutcome Outcome, string? Slug)> AcceptAsync(string userId, int invitationId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var found = await (from i in db.WorkspaceInvitations
                           where i.Id == invitationId
                           join w in db.Workspaces on i.WorkspaceId equals w.Id
                           select new { i, w.Slug }).FirstOrDefaultAsync(cancellationToken);
        if (found is null) return (PeopleOutcome.NotFound, null);
        var invitation = found.i;
        if (invitation.ExpiresAt <= now) return (PeopleOutcome.Expired, null);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.NormalizedEmail, u.EmailConfirmed })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is null || !user.EmailConfirmed || user.NormalizedEmail != invitation.NormalizedEmail) return (PeopleOutcome.OtherAddress, found.Slug);
        db.WorkspaceInvitations.Remove(invitation);
        if (!await db.WorkspaceParticipants.AnyAsync(p => p.WorkspaceId == invitation.WorkspaceId && p.UserId == userId, cancellationToken))
        {
            db.WorkspaceParticipants.Add(new WorkspaceParticipant
            {
                WorkspaceId = invitation.WorkspaceId, UserId = userId, Role = invitation.Role, OrganisationId = invitation.OrganisationId, JoinedAt = now,
            });
        }
        audit.Record("workspace.joined", "workspace:" + invitation.WorkspaceId, invitation.Role.ToString(), userId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e) || e is DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear(); // accepted twice at once: the first press joined
        }
        return (PeopleOutcome.Done, found.Slug);
    }

    /// <summary>Adds an account directly (the coordinator naming a lead who has an account).</summary>
    public void Add(int workspaceId, string userId, WorkspaceRole role, int? organisationId) =>
        db.WorkspaceParticipants.Add(new WorkspaceParticipant
        {
            WorkspaceId = workspaceId, UserId = userId, Role = role, OrganisationId = organisationId, JoinedAt = clock.GetUtcNow(),
        });

    public async Task<PeopleOutcome> ChangeAsync(WorkspaceViewer viewer, int participantId, int revision, WorkspaceRole role, int? organisationId,
        CancellationToken cancellationToken)
    {
        if (!viewer.CanLead) return PeopleOutcome.NotAllowed;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAsync(viewer.Workspace.Id, cancellationToken);
        var participant = await db.WorkspaceParticipants.FirstOrDefaultAsync(p => p.Id == participantId && p.WorkspaceId == viewer.Workspace.Id, cancellationToken);
        if (participant is null) return PeopleOutcome.NotFound;
        if (participant.Revision != revision) return PeopleOutcome.Stale;
        if (participant.Role == WorkspaceRole.Lead && role != WorkspaceRole.Lead && await IsLastLeadAsync(participant, cancellationToken))
            return PeopleOutcome.LastLead;
        participant.Role = role;
        participant.OrganisationId = organisationId;
        participant.Revision++;
        audit.Record("workspace.participant-changed", "workspace:" + viewer.Workspace.Id, $"user:{participant.UserId} {role}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return PeopleOutcome.Done;
    }

    /// <summary>A lead removes someone, or a participant leaves; never the last lead.</summary>
    public async Task<PeopleOutcome> RemoveAsync(WorkspaceViewer viewer, int participantId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAsync(viewer.Workspace.Id, cancellationToken);
        var participant = await db.WorkspaceParticipants.FirstOrDefaultAsync(p => p.Id == participantId && p.WorkspaceId == viewer.Workspace.Id, cancellationToken);
        if (participant is null) return PeopleOutcome.NotFound;
        if (!viewer.CanLead && participant.UserId != viewer.UserId) return PeopleOutcome.NotAllowed;
        if (participant.Role == WorkspaceRole.Lead && await IsLastLeadAsync(participant, cancellationToken)) return PeopleOutcome.LastLead;
        db.WorkspaceParticipants.Remove(participant);
        await db.WorkspaceGroupMembers.Where(m => m.UserId == participant.UserId
            && db.WorkspaceGroups.Any(g => g.Id == m.GroupId && g.WorkspaceId == participant.WorkspaceId)).ExecuteDeleteAsync(cancellationToken);
        audit.Record("workspace.participant-removed", "workspace:" + viewer.Workspace.Id, "user:" + participant.UserId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return PeopleOutcome.Done;
    }

    private async Task<bool> IsLastLeadAsync(WorkspaceParticipant lead, CancellationToken cancellationToken) =>
        !await db.WorkspaceParticipants.AnyAsync(p => p.WorkspaceId == lead.WorkspaceId && p.Role == WorkspaceRole.Lead && p.Id != lead.Id, cancellationToken);

    /// <summary>Takes the workspace's row lock for the rest of the transaction (PostgreSQL; SQLite writes one at a time).</summary>
    private Task LockAsync(int workspaceId, CancellationToken cancellationToken) =>
        db.Workspaces.Where(w => w.Id == workspaceId).ExecuteUpdateAsync(w => w.SetProperty(x => x.Revision, x => x.Revision), cancellationToken);

    internal static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
