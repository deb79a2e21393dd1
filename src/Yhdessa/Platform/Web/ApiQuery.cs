using System.Globalization;

namespace Yhdessa.Platform.Web;

/// <summary>
/// Reads the query parameters of a list in the JSON API and gathers what is wrong with them, so that "page=abc" gets a
/// problem that names the parameter like every other bad filter (the framework's own binding failure is an empty 400,
/// or a 500 in Development).
/// </summary>
public sealed class ApiQuery
{
    public Dictionary<string, string[]> Errors { get; } = [];

    public bool IsValid => Errors.Count == 0;

    public int? Number(string name, string? value, int? fallback = null)
    {
        if (string.IsNullOrWhiteSpace(value)) return fallback;
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)) return number;
        Errors[name] = [name + " must be a whole number."];
        return fallback;
    }

    /// <summary>page (1 to <paramref name="lastPage"/>) and pageSize (1–100, default 20).</summary>
    public (int Page, int PageSize) Paging(string? page, string? pageSize, int lastPage = 1000)
    {
        var pageNumber = Number("page", page, 1)!.Value;
        var size = Number("pageSize", pageSize, 20)!.Value;
        if (size is < 1 or > 100) Errors.TryAdd("pageSize", ["pageSize must be between 1 and 100."]);
        if (pageNumber < 1 || pageNumber > lastPage) Errors.TryAdd("page", [$"page must be between 1 and {lastPage}."]);
        return (pageNumber, size);
    }

    public void Refuse(string name, string message) => Errors[name] = [message];
}
