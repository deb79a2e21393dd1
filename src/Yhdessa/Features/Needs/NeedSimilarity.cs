using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Materials.Search;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Needs;

/// <summary>A need like the one being written, and how many of its words it shares.</summary>
public sealed record SimilarNeed(int Id, string Title, NeedState State, int Supports, int Shared);

/// <summary>
/// The needs most like one being written, found with the material bank's Finnish analysis: base forms and compound
/// parts ("asunnottomien nuorten" meets "nuorten asunnottomuus", "asumisneuvontaa" meets "neuvonta"). Each need keeps
/// its words' terms (<see cref="Need.SearchTerms"/>); a lookup asks the database for the open needs that share any of
/// the typed title's terms and ranks them by how many they share, then by support. Nothing lives in one instance's
/// memory, so any instance answers alike.
/// </summary>
public sealed class NeedSimilarity(YhdessaDb db, MaterialAnalyzers analyzers)
{
    /// <summary>At most this many terms of the typed text are asked for: the longest, which say the most.</summary>
    public const int AskedTerms = 8;

    /// <summary>The terms of a need's title and the start of its description, each between spaces.</summary>
    public string TermsOf(string title, string description)
    {
        var terms = Terms(title + " " + (description.Length > 1000 ? description[..1000] : description));
        var joined = " " + string.Join(' ', terms) + " ";
        return joined.Length <= NeedLimits.SearchTerms ? joined : joined[..joined.LastIndexOf(' ', NeedLimits.SearchTerms - 1)] + " ";
    }

    public async Task<List<SimilarNeed>> SimilarAsync(string text, int count, CancellationToken cancellationToken)
    {
        var asked = Terms(text.Length > 500 ? text[..500] : text).OrderByDescending(t => t.Length).Take(AskedTerms).ToList();
        if (asked.Count == 0) return [];
        var open = NeedSupports.OpenStates.Append(NeedState.Answered).ToArray();
        var candidates = db.Needs.AsNoTracking().Where(n => n.ConfirmedAt != null && open.Contains(n.State));
        // Any one of the terms: (t1 OR t2 OR …), built per term so that each is a parameter.
        var parameter = Expression.Parameter(typeof(Need), "n");
        var terms = Expression.Property(parameter, nameof(Need.SearchTerms));
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        Expression? any = null;
        Expression shared = Expression.Constant(0);
        foreach (var term in asked)
        {
            // A field of an object, not a constant: EF Core sends it as a parameter, so one query plan serves every search.
            var value = Expression.Field(Expression.Constant(new Term(" " + term + " ")), nameof(Term.Value));
            var one = Expression.Call(terms, contains, value);
            any = any is null ? one : Expression.OrElse(any, one);
            shared = Expression.Add(shared, Expression.Condition(one, Expression.Constant(1), Expression.Constant(0)));
        }
        // Ranked in the database by the terms shared, so that a close need with few supports is never cut off by
        // needs that share only a common word but have many.
        var found = await candidates.Where(Expression.Lambda<Func<Need, bool>>(any!, parameter))
            .OrderByDescending(Expression.Lambda<Func<Need, int>>(shared, parameter)).ThenByDescending(n => n.SupportCount).Take(count)
            .Select(n => new { n.Id, n.Title, n.State, n.SupportCount, n.SearchTerms }).ToListAsync(cancellationToken);
        return [.. found.Select(n => new SimilarNeed(n.Id, n.Title, n.State, n.SupportCount, asked.Count(t => n.SearchTerms.Contains(" " + t + " "))))];
    }

    private sealed class Term(string value)
    {
        public readonly string Value = value;
    }

    /// <summary>The distinct Finnish terms of a text, without the shortest (which match too much).</summary>
    private List<string> Terms(string text) =>
        [.. analyzers.Terms("fi", text).Where(t => t.Length >= 3 && !t.Contains(' ')).Distinct()];
}
