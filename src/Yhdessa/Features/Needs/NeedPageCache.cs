namespace Yhdessa.Features.Needs;

/// <summary>
/// The needs pages are served to visitors from the public output cache. They also show support counts, which change
/// far more often than anything else public, so they carry a tag of their own: a support clears the needs pages
/// only, while a new need, a move or an answer clears every public page (events and materials show the needs they answer).
/// </summary>
public static class NeedPageCache
{
    public const string Tag = "needs";
}
