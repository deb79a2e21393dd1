using Yhdessa.Platform.Data;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Network.Data;

public enum Sector { Ngo, City, WellbeingCounty, State, Research, Other }

public enum GroupKind { SteeringGroup, BroadExpertTeam, SmallExpertTeam, ThematicGroup, Other }

public enum Joining { Open, ByApproval }

/// <summary>Who may see who belongs to a group.</summary>
public enum MembershipVisibility { Public, SignedInMembers, GroupMembers }

public enum MembershipStatus { Requested, Member }

/// <summary>A name in Finnish (always) with optional Swedish and English versions that fall back to Finnish.</summary>
public static class Localized
{
    public static string Pick(string fi, string? sv, string? en) => Languages.Current switch
    {
        Languages.Swedish when !string.IsNullOrWhiteSpace(sv) => sv,
        Languages.English when !string.IsNullOrWhiteSpace(en) => en,
        _ => fi,
    };

    /// <summary>"fi" when <see cref="Pick"/> fell back to Finnish on a Swedish or English page, so the text can be
    /// marked <c>lang="fi"</c> for screen readers; null when the text is in the page's language.</summary>
    public static string? FallbackLanguage(string? sv, string? en) => Languages.Current switch
    {
        Languages.Swedish when string.IsNullOrWhiteSpace(sv) => Languages.Finnish,
        Languages.English when string.IsNullOrWhiteSpace(en) => Languages.Finnish,
        _ => null,
    };
}

public class Organisation : IHasSlug
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string NameFi { get; set; } = "";
    public string? NameSv { get; set; }
    public string? NameEn { get; set; }
    /// <summary>All names, lower-cased and NFC-normalised, so that one indexed column answers a search in any language.</summary>
    public string SearchText { get; set; } = "";
    public Sector Sector { get; set; }
    public string? MunicipalityCode { get; set; }
    public string? Website { get; set; }
    public string Description { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public string Name => Localized.Pick(NameFi, NameSv, NameEn);

    public void SetNames(string fi, string? sv, string? en)
    {
        NameFi = fi;
        NameSv = sv;
        NameEn = en;
        SearchText = Search.Normalise(string.Join('\n', new[] { fi, sv, en }.Where(n => !string.IsNullOrWhiteSpace(n))));
    }
}

/// <summary>What the network shows of a person. Private until the person opts in.</summary>
public class PersonProfile
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public bool IsPublic { get; set; }
    /// <summary>Set only by the person on their own profile form: nobody else can claim this for them.</summary>
    public bool IsExpertByExperience { get; set; }
    public List<string> Expertise { get; set; } = [];
    public string About { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public List<Affiliation> Affiliations { get; set; } = [];
}

public class Affiliation
{
    public int ProfileId { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public string Title { get; set; } = "";
}

public class Group : IHasSlug
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public GroupKind Kind { get; set; }
    public string NameFi { get; set; } = "";
    public string? NameSv { get; set; }
    public string? NameEn { get; set; }
    public string DescriptionFi { get; set; } = "";
    public string? DescriptionSv { get; set; }
    public string? DescriptionEn { get; set; }
    public Joining Joining { get; set; }
    public MembershipVisibility Visibility { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public string Name => Localized.Pick(NameFi, NameSv, NameEn);
    public string? NameFallbackLanguage => Localized.FallbackLanguage(NameSv, NameEn);
    public string Description => Localized.Pick(DescriptionFi, DescriptionSv, DescriptionEn);
    public string? DescriptionFallbackLanguage => Localized.FallbackLanguage(DescriptionSv, DescriptionEn);
}

public class GroupMembership
{
    public int GroupId { get; set; }
    public string UserId { get; set; } = "";
    public MembershipStatus Status { get; set; }
    public bool IsGroupAdmin { get; set; }
    public DateTimeOffset Since { get; set; }
}

public static class Search
{
    public static string Normalise(string text) => text.Normalize(System.Text.NormalizationForm.FormC).Trim().ToLowerInvariant();
}
