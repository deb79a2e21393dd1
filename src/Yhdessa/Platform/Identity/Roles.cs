namespace Yhdessa.Platform.Identity;

/// <summary>The roles of the platform. Every signed-in person is a member; roles add rights.</summary>
public static class Roles
{
    public const string Coordinator = "Coordinator";
    public const string Member = "Member";
    /// <summary>Submits monitoring data for a municipality or organisation.</summary>
    public const string Reporter = "Reporter";

    public static readonly IReadOnlyList<string> All = [Coordinator, Member, Reporter];
}

/// <summary>Authorisation policy names. Pages and endpoints use these, never role checks of their own.</summary>
public static class Policies
{
    public const string Coordinator = "Coordinator";
    public const string SignedIn = "SignedIn";
}
