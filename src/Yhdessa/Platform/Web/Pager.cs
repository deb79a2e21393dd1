namespace Yhdessa.Platform.Web;

/// <summary>What the shared pager (Features/Shared/_Pager.cshtml) needs: where we are and how to link to a page.</summary>
public sealed record Pager(int Page, int PageCount, Func<int, string> Link);
