using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Events.Feedback;

/// <summary>
/// Who reads event feedback results: coordinators and the members of the small expert team, who plan the next events
/// from them. The team gets these pages only, not the survey engine's own pages (other surveys stay closed to them).
/// </summary>
public static class FeedbackAccess
{
    public const string Policy = "EventFeedbackReaders";

    public static Task<bool> IsSmallExpertTeamMemberAsync(YhdessaDb db, string userId, CancellationToken cancellationToken = default) =>
        db.GroupMemberships.AnyAsync(m => m.UserId == userId && m.Status == MembershipStatus.Member
            && db.Groups.Any(g => g.Id == m.GroupId && g.Kind == GroupKind.SmallExpertTeam), cancellationToken);
}

internal sealed class FeedbackReaderRequirement : IAuthorizationRequirement;

/// <summary>Asks the database on every request, so that leaving the team ends the access at once.</summary>
internal sealed class FeedbackReaderHandler(YhdessaDb db) : AuthorizationHandler<FeedbackReaderRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, FeedbackReaderRequirement requirement)
    {
        if (context.User.IsInRole(Roles.Coordinator)
            || context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId && await FeedbackAccess.IsSmallExpertTeamMemberAsync(db, userId))
            context.Succeed(requirement);
    }
}
