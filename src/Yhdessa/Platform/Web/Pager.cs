using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace Yhdessa.Platform.Web;

/// <summary>What the shared pager (Features/Shared/_Pager.cshtml) needs: where we are and how to link to a page.</summary>
public sealed record Pager(int Page, int PageCount, Func<int, string> Link)
{
    /// <summary>A pager for a list whose filters are all in the query string: links keep them and change the page.</summary>
    public static Pager ForQuery(HttpRequest request, int page, int pageCount) =>
        new(page, pageCount, p => LinkTo(request, p));

    /// <summary>The page number asked for. "page" is a reserved route value in Razor Pages (the page's own path),
    /// so model binding would not read it from the query; it is read here instead.</summary>
    public static int Requested(HttpRequest request) =>
        int.TryParse(request.Query["page"], out var page) ? page : 1;

    /// <summary>The current address with another page number, every other query value kept.</summary>
    public static string LinkTo(HttpRequest request, int page)
    {
        var query = new QueryBuilder(QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(pair => pair.Key != "page")
            .SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string>(pair.Key, value ?? ""))));
        if (page > 1) query.Add("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return request.PathBase + request.Path + query.ToQueryString();
    }
}
