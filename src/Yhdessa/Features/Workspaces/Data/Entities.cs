using Yhdessa.Features.Events.Data;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Workspaces.Data;

/// <summary>How a workspace develops its work; the method decides which tools it has besides the common ones
/// (<see cref="IWorkspaceTool"/>).</summary>
public enum WorkspaceMethod { Project, Pilot, ChangeLaboratory, Other }

public enum WorkspaceStatus { Planned, Active, Finished }

/// <summary>A lead runs the workspace (people, settings, memo approval); a member takes part in everything; an
/// observer reads.</summary>
public enum WorkspaceRole { Lead, Member, Observer }

/// <summary>A shared space of a pilot, a project or a Change Laboratory. Private to its participants and the
/// coordinators; it may publish a public page (<see cref="IsPublic"/>).</summary>
public class Workspace : IHasSlug
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>Markdown, shown through <see cref="Yhdessa.Platform.Text.SafeMarkdown"/>; on the public page too.</summary>
    public string Purpose { get; set; } = "";
    public WorkspaceMethod Method { get; set; }
    public WorkspaceStatus Status { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    /// <summary>Whether <c>/workspaces/{slug}</c> shows everyone the public page: purpose, organisations, status and
    /// <see cref="Outputs"/>. Nothing else of the workspace is ever public.</summary>
    public bool IsPublic { get; set; }
    /// <summary>Markdown: what the workspace has produced, for the public page.</summary>
    public string? Outputs { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Grows with every save of the settings, so that a form sent after someone else's save is refused.</summary>
    public int Revision { get; set; }
    /// <summary>The secret of the year clock's calendar feed (<c>/workspaces/calendar/{token}</c>); null when there is no
    /// feed. A lead makes a new one to revoke the old address.</summary>
    public string? CalendarToken { get; set; }
    /// <summary>Whether the year clock shows the network's own public events beside the workspace's milestones.</summary>
    public bool ShowsNetworkEvents { get; set; }
    public List<WorkspaceThemeLink> Themes { get; set; } = [];
}

/// <summary>Workspaces share the network's themes with events, materials and needs.</summary>
public class WorkspaceThemeLink
{
    public int WorkspaceId { get; set; }
    public int ThemeId { get; set; }
    public EventTheme? Theme { get; set; }
}

public class WorkspaceParticipant
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public string UserId { get; set; } = "";
    public WorkspaceRole Role { get; set; }
    /// <summary>The organisation she takes part for, from the network's directory; null for someone on her own.</summary>
    public int? OrganisationId { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
    /// <summary>When she last opened the workspace: "what changed since my last visit" starts here.</summary>
    public DateTimeOffset? LastVisitAt { get; set; }
    /// <summary>The start of the visit before the last one: what a visit's pages count changes from.</summary>
    public DateTimeOffset? PreviousVisitAt { get; set; }
    /// <summary>Whether she has left the workspace out of her weekly digest (on its page); it is in by default.</summary>
    public bool DigestOff { get; set; }
    public int Revision { get; set; }
}

/// <summary>When a person's weekly digest was last made: one row per person, claimed by the instance that sends it.</summary>
public class WorkspaceDigest
{
    public string UserId { get; set; } = "";
    public DateTimeOffset SentAt { get; set; }
}

/// <summary>An invitation by email. The link carries a secret token whose hash is kept here; the invitation joins the
/// account with the invited address (after sign-up when there is none yet).</summary>
public class WorkspaceInvitation
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    /// <summary>As the lead typed it, for the people page and the mail.</summary>
    public string Email { get; set; } = "";
    /// <summary>As accounts' addresses are compared (the account feature's normaliser), to find the account it joins.</summary>
    public string NormalizedEmail { get; set; } = "";
    public WorkspaceRole Role { get; set; }
    public int? OrganisationId { get; set; }
    public string TokenHash { get; set; } = "";
    public string? InvitedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>A meeting of the workspace with its agenda and, once held, its memo: notes per agenda item, decisions and
/// actions. An approved memo (<see cref="MemoApprovedAt"/>) is read-only.</summary>
public class WorkspaceMeeting
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    /// <summary>The group of the workspace whose meeting it is (a project's steering group); null for the whole workspace.</summary>
    public int? GroupId { get; set; }
    public string Title { get; set; } = "";
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string? Place { get; set; }
    public string? OnlineLink { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When the participants were last sent the invitation with its calendar file.</summary>
    public DateTimeOffset? InvitedAt { get; set; }
    public DateTimeOffset? MemoApprovedAt { get; set; }
    public string? MemoApprovedById { get; set; }
    /// <summary>The later meeting at which the memo was approved; null when the lead approved it alone.</summary>
    public int? MemoApprovedAtMeetingId { get; set; }
    /// <summary>Grows with every save of the meeting or its memo (the calendar file's SEQUENCE, and stale forms).</summary>
    public int Revision { get; set; }
    public List<WorkspaceAgendaItem> Agenda { get; set; } = [];
    public List<WorkspaceDecision> Decisions { get; set; } = [];
}

public class WorkspaceAgendaItem
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int Position { get; set; }
    public string Title { get; set; } = "";
    /// <summary>The memo's notes on this item.</summary>
    public string? Notes { get; set; }
}

public class WorkspaceDecision
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int? AgendaItemId { get; set; }
    public string Text { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Something a person has taken on, with a deadline: in her own list, reminded by email before it.</summary>
public class WorkspaceAction
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    /// <summary>The meeting whose memo recorded it, if any.</summary>
    public int? MeetingId { get; set; }
    public string Text { get; set; } = "";
    /// <summary>Null once the owner's account is deleted: the action stays in the memo without her.</summary>
    public string? OwnerId { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    public DateTimeOffset? RemindedAt { get; set; }
}

public class WorkspaceAttendance
{
    public int MeetingId { get; set; }
    public string UserId { get; set; } = "";
}

/// <summary>A need of the needs feature that the workspace answers.</summary>
public class WorkspaceNeedLink
{
    public int WorkspaceId { get; set; }
    public int NeedId { get; set; }
}

/// <summary>A document of the workspace: a file with its versions, kept in the material bank's file store and checked as
/// the bank checks files. It may be offered to the bank as a material (<see cref="MaterialId"/>).</summary>
public class WorkspaceDocument
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public string Title { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>The material it became in the bank, when it was offered there.</summary>
    public int? MaterialId { get; set; }
    public List<WorkspaceDocumentVersion> Versions { get; set; } = [];
}

public class WorkspaceDocumentVersion
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    /// <summary>1, 2, 3… in the order they were added; the highest is the current one.</summary>
    public int Number { get; set; }
    public string FileName { get; set; } = "";
    public string StoredName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    /// <summary>The file's text (PDF and Office files), taken as the bank takes it, for a material made of it.</summary>
    public string Text { get; set; } = "";
    public string? Note { get; set; }
    /// <summary>Null once the account is deleted: the version stays without her name.</summary>
    public string? AddedById { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}

public enum MilestoneKind { Reporting, Steering, Seminar, Survey, Holiday, Other }

/// <summary>How a milestone comes back: once, or every year, quarter or month from its first date.</summary>
public enum MilestoneRepeat { Once, Yearly, Quarterly, Monthly }

/// <summary>A date of the workspace's year clock: a reporting deadline to the funder, a steering group meeting, a
/// seminar, a survey window, a holiday.</summary>
public class WorkspaceMilestone
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public string Title { get; set; } = "";
    public MilestoneKind Kind { get; set; }
    public MilestoneRepeat Repeat { get; set; }
    public DateOnly StartsOn { get; set; }
    /// <summary>The last day of a window (a survey, a holiday); null for a single day.</summary>
    public DateOnly? EndsOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public enum WorkspaceGroupKind { Steering, Thematic }

/// <summary>A group inside a project — its steering group or a thematic group — with its own members and meetings.</summary>
public class WorkspaceGroup
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public string Name { get; set; } = "";
    public WorkspaceGroupKind Kind { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public class WorkspaceGroupMember
{
    public int GroupId { get; set; }
    public string UserId { get; set; } = "";
}
