using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace Yhdessa.Features.Materials.Search;

/// <summary>
/// The piece of a material's text shown under its title in the results, with the words that matched the query
/// in &lt;mark&gt;. A word matches when its analysis in the material's language shares a term with the query's,
/// so "asunnottomien" is marked for the query "asunnottomuuden". Everything but the marks is HTML-encoded.
/// </summary>
public static partial class Snippets
{
    private const int WindowWords = 32;
    /// <summary>Only the beginning of a long text is looked at: a snippet is for recognising the material, not reading it.</summary>
    private const int ScannedCharacters = 4000;
    /// <summary>Encodes markup characters but writes ä, ö and å as they are.</summary>
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly ConcurrentDictionary<string, string[]> OtherLanguageTerms = new(StringComparer.Ordinal);

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    public static partial Regex WordPattern();

    public static string Shorten(string text, int length = 300)
    {
        text = text.Trim();
        if (text.Length <= length) return text;
        var cut = text.LastIndexOf(' ', length);
        return text[..(cut > length / 2 ? cut : length)] + "…";
    }

    public static string Highlight(SnippetMarker marker, string language, string text)
    {
        if (text.Length > ScannedCharacters) text = text[..ScannedCharacters];
        // Line breaks become spaces before encoding, which would turn them into "&#xA;".
        text = text.Replace('\n', ' ');
        var words = Words(text);
        if (words.Count == 0) return "";
        var matched = new bool[words.Count];
        for (var i = 0; i < words.Count; i++) matched[i] = marker.Matches(language, text.AsSpan(words[i].Start, words[i].Length));

        // The window of words with the most matches; the first one when nothing matched (a fuzzy hit, or the file text).
        var best = 0;
        var bestCount = -1;
        var count = 0;
        for (var i = 0; i < words.Count; i++)
        {
            if (matched[i]) count++;
            if (i >= WindowWords && matched[i - WindowWords]) count--;
            var start = Math.Max(0, i - WindowWords + 1);
            if (count > bestCount) { bestCount = count; best = start; }
        }
        // Start a little before the first match so that it has some context.
        var firstMatch = Array.FindIndex(matched, best, Math.Min(WindowWords, words.Count - best), m => m);
        if (firstMatch > best + 4) best = Math.Min(firstMatch - 4, Math.Max(0, words.Count - WindowWords));
        var end = Math.Min(words.Count, best + WindowWords);

        var html = new StringBuilder();
        if (best > 0) html.Append('…');
        var position = words[best].Start;
        for (var i = best; i < end; i++)
        {
            html.Append(Encoder.Encode(text[position..words[i].Start]));
            var word = Encoder.Encode(text.Substring(words[i].Start, words[i].Length));
            html.Append(matched[i] ? "<mark>" + word + "</mark>" : word);
            position = words[i].Start + words[i].Length;
        }
        if (end < words.Count) html.Append('…');
        else html.Append(Encoder.Encode(text[position..]));
        return html.ToString().Trim();
    }

    /// <summary>The words of a text as letters and digits, by a plain loop: the regular expression this replaced was the
    /// largest part of a search's time at 50,000 materials.</summary>
    private static List<(int Start, int Length)> Words(string text)
    {
        var words = new List<(int, int)>(text.Length / 6);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                words.Add((start, i - start));
                start = -1;
            }
        }
        return words;
    }

    internal static string[] OtherLanguageTermsOf(MaterialAnalyzers analyzers, string language, string word)
    {
        var terms = OtherLanguageTerms.GetOrAdd(language + ":" + word, _ => [.. analyzers.Terms(language, word)]);
        if (OtherLanguageTerms.Count > 100_000) OtherLanguageTerms.Clear();
        return terms;
    }
}

/// <summary>
/// Decides which words of the shown hits match one search's terms. The same words recur throughout the hits of a
/// page, so each distinct word is decided once per search: analysing every occurrence again made snippets the
/// largest cost of a search at 50,000 materials (docs/benchmarks.md).
/// </summary>
public sealed class SnippetMarker(MaterialAnalyzers analyzers, IReadOnlySet<string> queryTerms)
{
    private readonly Dictionary<string, Dictionary<string, bool>> decided = new(StringComparer.Ordinal);

    public bool Matches(string language, ReadOnlySpan<char> word)
    {
        if (!decided.TryGetValue(language, out var words)) decided[language] = words = new(StringComparer.Ordinal);
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(word, out var known)) return known;
        var lower = word.ToString().ToLowerInvariant();
        var result = queryTerms.Contains("raw:" + lower) || (language == "fi"
            ? analyzers.Finnish.Analyze(lower).AllTerms.Any(t => queryTerms.Contains("fi:" + t))
            : Snippets.OtherLanguageTermsOf(analyzers, language, lower).Any(t => queryTerms.Contains(language + ":" + t)));
        lookup[word] = result;
        return result;
    }
}
