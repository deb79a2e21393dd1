using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Yhdessa.Features.Materials.Search;

/// <summary>What one Finnish word means to the search.</summary>
/// <param name="Lemmas">Base forms: "asunnottomuuden" → "asunnottomuus".</param>
/// <param name="Families">Root plus its first derivation, so that a derived word finds its kin:
/// "asunnottomuus" and "asunnoton" both give "asunto+ton".</param>
/// <param name="Parts">The parts of a compound in their base forms: "asumisneuvonta" → "asua", "neuvonta".
/// Empty when the word is not a compound.</param>
/// <param name="PartGroups">The same parts, one list of alternatives per part, for asking "all parts" at query time.</param>
/// <param name="Known">Whether the morphology recognised the word (an unknown one may be a typo).</param>
public sealed record FinnishWord(IReadOnlyList<string> Lemmas, IReadOnlyList<string> Families, IReadOnlyList<string> Parts,
    IReadOnlyList<IReadOnlyList<string>> PartGroups, bool Known)
{
    /// <summary>Every term the word gives; computed once, since the indexer and the snippets ask for it per occurrence.</summary>
    public IReadOnlyList<string> AllTerms { get; } = [.. Lemmas.Concat(Families).Concat(Parts).Distinct()];
}

/// <summary>
/// Finnish base forms and compound parts from Voikko (Debian's libvoikko1 + voikko-fi) when it is installed,
/// otherwise the Snowball stemmer. A stemmer cannot do what Finnish needs ("asunnottomuuden" stems to
/// "asunnottomuud", never meeting "asunnottomuus"), so <see cref="UsesVoikko"/> is reported in /health/search.
/// Voikko's handle is not thread-safe: calls go through one lock, and every word's answer is cached, so
/// the lock is taken once per distinct word, not once per occurrence.
/// </summary>
public sealed class FinnishMorphology : IDisposable
{
    private const int CacheLimit = 300_000;
    private readonly ConcurrentDictionary<string, FinnishWord> cache = new(StringComparer.Ordinal);
    private readonly Lock voikkoLock = new();
    private IntPtr handle;

    public FinnishMorphology(ILogger<FinnishMorphology> logger)
    {
        try
        {
            handle = Voikko.voikkoInit(out var error, "fi", null);
            if (handle == IntPtr.Zero)
                logger.LogWarning("Voikko did not start ({Error}); Finnish search falls back to a stemmer", Marshal.PtrToStringUTF8(error));
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            logger.LogWarning("libvoikko is not installed; Finnish search falls back to a stemmer (install libvoikko1 and voikko-fi)");
        }
    }

    public bool UsesVoikko => handle != IntPtr.Zero;

    /// <summary>Analyses one lower-case word.</summary>
    public FinnishWord Analyze(string word)
    {
        if (cache.TryGetValue(word, out var known)) return known;
        var result = UsesVoikko ? AnalyzeWithVoikko(word) : Stemmed(word);
        if (cache.Count >= CacheLimit) cache.Clear();
        cache[word] = result;
        return result;
    }

    private static FinnishWord Stemmed(string word)
    {
        var stemmer = new FinnishStemmer();
        stemmer.SetCurrent(word);
        stemmer.Stem();
        var stem = stemmer.Current;
        return new FinnishWord([stem], [], [], [], Known: false);
    }

    private FinnishWord AnalyzeWithVoikko(string word)
    {
        var analyses = new List<(string BaseForm, string? WordBases)>();
        // Voikko rejects very long input and words with digits mean nothing to it.
        if (word.Length <= 60 && !word.Any(char.IsDigit))
        {
            lock (voikkoLock)
            {
                if (handle == IntPtr.Zero) return Stemmed(word);
                var list = Voikko.voikkoAnalyzeWordCstr(handle, word);
                if (list != IntPtr.Zero)
                {
                    try
                    {
                        for (var i = 0; ; i++)
                        {
                            var analysis = Marshal.ReadIntPtr(list, i * IntPtr.Size);
                            if (analysis == IntPtr.Zero) break;
                            var baseForm = Marshal.PtrToStringUTF8(Voikko.voikko_mor_analysis_value_cstr(analysis, "BASEFORM"));
                            var bases = Marshal.PtrToStringUTF8(Voikko.voikko_mor_analysis_value_cstr(analysis, "WORDBASES"));
                            if (!string.IsNullOrEmpty(baseForm)) analyses.Add((baseForm.ToLowerInvariant(), bases?.ToLowerInvariant()));
                        }
                    }
                    finally { Voikko.voikko_free_mor_analysis(list); }
                }
            }
        }
        if (analyses.Count == 0)
        {
            // Unknown to Voikko: a name, a typo or a loan word. The stem keeps inflected names findable.
            var stemmed = Stemmed(word);
            return stemmed with { Lemmas = stemmed.Lemmas.Append(word).Distinct().ToList() };
        }

        var lemmas = new List<string>();
        var families = new List<string>();
        var parts = new List<string>();
        var partGroups = new List<IReadOnlyList<string>>();
        foreach (var (baseForm, wordBases) in analyses)
        {
            if (!lemmas.Contains(baseForm)) lemmas.Add(baseForm);
            if (wordBases is null) continue;
            var groups = WordBases.Split(wordBases);
            foreach (var group in groups)
            {
                if (group.Family is { } family && !families.Contains(family)) families.Add(family);
            }
            if (groups.Count < 2) continue;
            var first = partGroups.Count == 0;
            foreach (var group in groups)
            {
                // A part before the last is often in a linking form ("asumis-"): the base of its root ("asua")
                // is kept beside it.
                var forms = PartForms(group).ToList();
                foreach (var part in forms) if (!parts.Contains(part)) parts.Add(part);
                if (first && forms.Count > 0) partGroups.Add(forms);
            }
        }
        return new FinnishWord(lemmas, families, parts, partGroups, Known: true);
    }

    private IEnumerable<string> PartForms(WordBases.Group group)
    {
        if (group.Surface.Length >= 2)
        {
            yield return group.Surface;
            if (!group.Derived && group.RootBase is { Length: >= 2 } root && root != group.Surface) yield return root;
        }
    }

    public void Dispose()
    {
        lock (voikkoLock)
        {
            if (handle != IntPtr.Zero) Voikko.voikkoTerminate(handle);
            handle = IntPtr.Zero;
        }
    }

    private static class Voikko
    {
        private const string Library = "libvoikko.so.1";

        [DllImport(Library)]
        internal static extern IntPtr voikkoInit(out IntPtr error, [MarshalAs(UnmanagedType.LPUTF8Str)] string languageCode,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string? path);

        [DllImport(Library)]
        internal static extern void voikkoTerminate(IntPtr handle);

        [DllImport(Library)]
        internal static extern IntPtr voikkoAnalyzeWordCstr(IntPtr handle, [MarshalAs(UnmanagedType.LPUTF8Str)] string word);

        [DllImport(Library)]
        internal static extern IntPtr voikko_mor_analysis_value_cstr(IntPtr analysis, [MarshalAs(UnmanagedType.LPUTF8Str)] string key);

        [DllImport(Library)]
        internal static extern void voikko_free_mor_analysis(IntPtr analyses);
    }
}

/// <summary>
/// Reads Voikko's WORDBASES, e.g. "+asunno(asunto)+ttomu(+ton)+us(+us)+työ(työ)": segments of the base form,
/// each with the base it comes from; a base starting with "+" is a derivational suffix of the segment before.
/// </summary>
public static class WordBases
{
    /// <param name="Surface">The part as written in the base form of the whole word ("asunnottomuus").</param>
    /// <param name="RootBase">The base of the part's first segment ("asunto").</param>
    /// <param name="Family">The root and its first derivation ("asunto+ton"), when the part is derived.</param>
    public sealed record Group(string Surface, string? RootBase, string? Family)
    {
        public bool Derived => Family is not null;
    }

    public static List<Group> Split(string wordBases)
    {
        var groups = new List<Group>();
        var surface = "";
        string? root = null;
        string? family = null;
        var i = 0;
        while (i < wordBases.Length)
        {
            if (wordBases[i] == '+') i++;
            var textEnd = wordBases.IndexOfAny(['(', '+'], i);
            if (textEnd < 0) textEnd = wordBases.Length;
            var text = wordBases[i..textEnd];
            i = textEnd;
            string? origin = null;
            if (i < wordBases.Length && wordBases[i] == '(')
            {
                var close = wordBases.IndexOf(')', i);
                if (close < 0) close = wordBases.Length;
                origin = wordBases[(i + 1)..close];
                i = Math.Min(close + 1, wordBases.Length);
            }
            if (origin is null)
            {
                // A segment without an origin ("+n" in "neuvo(neuvoa)+n+ta(+ta)") belongs to the part it is in.
                surface += text;
            }
            else if (origin.StartsWith('+'))
            {
                surface += text;
                if (root is not null && family is null) family = root + origin;
            }
            else
            {
                if (surface.Length > 0) groups.Add(new Group(surface, root, family));
                surface = text;
                root = origin;
                family = null;
            }
        }
        if (surface.Length > 0) groups.Add(new Group(surface, root, family));
        return groups;
    }
}
