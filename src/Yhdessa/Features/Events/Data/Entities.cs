using Yhdessa.Features.Network.Data;

namespace Yhdessa.Features.Events.Data;

public enum EventType { Training, Seminar, Workshop, Webinar, NetworkMeeting, TrainerTraining, StudyTrip, ChangeLaboratory }

/// <summary>Who may see an event: everyone, signed-in members, or the members of one group.</summary>
public enum EventVisibility { Public, Members, Group }

public enum EventStatus { Scheduled, Cancelled }

public class Event
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public EventType Type { get; set; }
    public string TitleFi { get; set; } = "";
    public string? TitleSv { get; set; }
    public string? TitleEn { get; set; }
    /// <summary>Markdown; rendered through <see cref="Yhdessa.Platform.Text.SafeMarkdown"/>, which sanitises the HTML.</summary>
    public string DescriptionFi { get; set; } = "";
    public string? DescriptionSv { get; set; }
    public string? DescriptionEn { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string? Address { get; set; }
    public string? MunicipalityCode { get; set; }
    /// <summary>Shown only to people with a confirmed seat and coordinators: see <see cref="EventAccess.MaySeeOnlineLink"/>.</summary>
    public string? OnlineUrl { get; set; }
    /// <summary>The seats of the event; null when it has no limit. A seat is held by a confirmed or an offered
    /// registration; the rules on seats are <see cref="SeatsLeft"/>, <see cref="IsFull"/> and <see cref="KeepsSeatsGiven"/>.</summary>
    public int? Capacity { get; set; }

    /// <summary>The seats still free when <paramref name="held"/> are held; null when the event has no capacity.</summary>
    public int? SeatsLeft(int held) => Capacity is { } seats ? Math.Max(0, seats - held) : null;

    /// <summary>Whether every seat is held: a newcomer waits in the queue.</summary>
    public bool IsFull(int held) => SeatsLeft(held) == 0;

    /// <summary>Seats already given stay given: a capacity may not drop below the seats held.</summary>
    public static bool KeepsSeatsGiven(int? capacity, int held) => capacity is not { } seats || seats >= held;
    public DateTimeOffset? RegistrationOpensAt { get; set; }
    public DateTimeOffset? RegistrationClosesAt { get; set; }
    public EventVisibility Visibility { get; set; }
    public int? GroupId { get; set; }
    public int? SeriesId { get; set; }
    public EventSeries? Series { get; set; }
    public EventStatus Status { get; set; }
    /// <summary>The iCalendar SEQUENCE: grows on every change a calendar must show (time, place, title, status).</summary>
    public int Revision { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<EventOrganiser> Organisers { get; set; } = [];
    public List<EventSpeaker> Speakers { get; set; } = [];
    public List<EventThemeLink> Themes { get; set; } = [];
    public List<EventMaterial> Materials { get; set; } = [];

    public string Title => Localized.Pick(TitleFi, TitleSv, TitleEn);
    public string? TitleFallbackLanguage => Localized.FallbackLanguage(TitleSv, TitleEn);
    public string Description => Localized.Pick(DescriptionFi, DescriptionSv, DescriptionEn);
    public string? DescriptionFallbackLanguage => Localized.FallbackLanguage(DescriptionSv, DescriptionEn);
    public bool IsOnline => OnlineUrl is not null;
}

public class EventOrganiser
{
    public int EventId { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
}

/// <summary>A speaker: a member account (<see cref="UserId"/>) or a name in free text.</summary>
public class EventSpeaker
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public string? UserId { get; set; }
    public string Name { get; set; } = "";
    public bool IsExpertByExperience { get; set; }
    public int Position { get; set; }
}

/// <summary>A name coordinators keep in Finnish, Swedish and English (themes, series), managed by <c>NamesPageModel</c>.</summary>
public interface INamedInLanguages
{
    int Id { get; }
    string NameFi { get; set; }
    string? NameSv { get; set; }
    string? NameEn { get; set; }
}

public class EventTheme : INamedInLanguages
{
    public int Id { get; set; }
    public string NameFi { get; set; } = "";
    public string? NameSv { get; set; }
    public string? NameEn { get; set; }
    public string Name => Localized.Pick(NameFi, NameSv, NameEn);
}

public class EventThemeLink
{
    public int EventId { get; set; }
    public int ThemeId { get; set; }
    public EventTheme? Theme { get; set; }
}

/// <summary>A recurring training; its instances are events that point here.</summary>
public class EventSeries : INamedInLanguages
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string NameFi { get; set; } = "";
    public string? NameSv { get; set; }
    public string? NameEn { get; set; }
    public string Name => Localized.Pick(NameFi, NameSv, NameEn);
}

public class EventMaterial
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public string Title { get; set; } = "";
    public string Url { get; set; } = "";
    public int Position { get; set; }
}
