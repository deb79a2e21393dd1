namespace Yhdessa.Platform.Identity;

/// <summary>The addresses of the demo sign-ins, one per role. Their password is published, so Production refuses
/// to start while any of them is in its database; the demo data, that guard and the tests all read them here.</summary>
public static class DemoAccounts
{
    public const string Coordinator = "coordinator@example.org";
    public const string Member = "member@example.org";
    public const string Reporter = "reporter@example.org";

    public static readonly IReadOnlyList<string> All = [Coordinator, Member, Reporter];
}
