using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text;
using System.Text.RegularExpressions;

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
    private const int ScannedCharacters = 8000;
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

    public static string Highlight(MaterialAnalyzers analyzers, string language, string text, IReadOnlySet<string> queryTerms)
    {
        if (text.Length > ScannedCharacters) text = text[..ScannedCharacters];
        var words = WordPattern().Matches(text);
        if (words.Count == 0) return "";
        var matched = new bool[words.Count];
        for (var i = 0; i < words.Count; i++) matched[i] = Matches(analyzers, language, words[i].Value.ToLowerInvariant(), queryTerms);

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
        var position = words[best].Index;
        for (var i = best; i < end; i++)
        {
            html.Append(Encoder.Encode(text[position..words[i].Index]));
            var word = Encoder.Encode(words[i].Value);
            html.Append(matched[i] ? "<mark>" + word + "</mark>" : word);
            position = words[i].Index + words[i].Length;
        }
        if (end < words.Count) html.Append('…');
        else html.Append(Encoder.Encode(text[position..]));
        return html.ToString().Replace('\n', ' ').Trim();
    }

    private static bool Matches(MaterialAnalyzers analyzers, string language, string word, IReadOnlySet<string> queryTerms)
    {
        if (queryTerms.Contains("raw:" + word)) return true;
        if (language == "fi") return analyzers.Finnish.Analyze(word).AllTerms.Any(t => queryTerms.Contains("fi:" + t));
        var key = language + ":" + word;
        var terms = OtherLanguageTerms.GetOrAdd(key, _ => [.. analyzers.Terms(language, word)]);
        if (OtherLanguageTerms.Count > 100_000) OtherLanguageTerms.Clear();
        return terms.Any(t => queryTerms.Contains(language + ":" + t));
    }
}
