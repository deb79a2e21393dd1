using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Sv;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Yhdessa.Features.Materials.Search;

/// <summary>The analysis of each language's fields. Finnish words become their base forms, derivation families
/// and compound parts, all at the word's position; Swedish and English use Lucene's own rules for them.</summary>
public sealed class MaterialAnalyzers(FinnishMorphology finnish)
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;
    public static readonly string[] LanguageCodes = ["fi", "sv", "en"];

    public FinnishMorphology Finnish => finnish;
    public Analyzer FinnishAnalyzer { get; } = new FinnishLemmaAnalyzer(finnish);
    public Analyzer Swedish { get; } = new SwedishAnalyzer(Version);
    public Analyzer English { get; } = new EnglishAnalyzer(Version);
    /// <summary>Lower-cased words as written, for typo-tolerant (fuzzy) matching in any language.</summary>
    public Analyzer Raw { get; } = new RawAnalyzer();

    public Analyzer For(string language) => language switch
    {
        "sv" => Swedish,
        "en" => English,
        "fi" => FinnishAnalyzer,
        _ => Raw,
    };

    /// <summary>Routes each field to its language's analyzer by the field's suffix ("title_sv").</summary>
    public Analyzer PerField() => new PerFieldAnalyzer(this);

    /// <summary>The terms one piece of text gives in a language.</summary>
    public List<string> Terms(string language, string text)
    {
        var terms = new List<string>();
        using var stream = For(language).GetTokenStream("text_" + language, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms;
    }

    private sealed class PerFieldAnalyzer(MaterialAnalyzers analyzers) : AnalyzerWrapper(PER_FIELD_REUSE_STRATEGY)
    {
        protected override Analyzer GetWrappedAnalyzer(string fieldName)
        {
            var underscore = fieldName.LastIndexOf('_');
            return underscore < 0 ? analyzers.Raw : analyzers.For(fieldName[(underscore + 1)..]);
        }
    }

    private sealed class RawAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            return new TokenStreamComponents(tokenizer, new LowerCaseFilter(Version, tokenizer));
        }
    }

    private sealed class FinnishLemmaAnalyzer(FinnishMorphology morphology) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            return new TokenStreamComponents(tokenizer, new FinnishLemmaFilter(new LowerCaseFilter(Version, tokenizer), morphology));
        }
    }

    /// <summary>Replaces each word by all its <see cref="FinnishWord.AllTerms"/>, stacked at the word's position.</summary>
    private sealed class FinnishLemmaFilter : TokenFilter
    {
        private readonly FinnishMorphology morphology;
        private readonly ICharTermAttribute term;
        private readonly IPositionIncrementAttribute position;
        private readonly Queue<string> pending = new();
        private State? state;

        public FinnishLemmaFilter(TokenStream input, FinnishMorphology morphology) : base(input)
        {
            this.morphology = morphology;
            term = AddAttribute<ICharTermAttribute>();
            position = AddAttribute<IPositionIncrementAttribute>();
        }

        public override bool IncrementToken()
        {
            if (pending.Count > 0)
            {
                RestoreState(state);
                term.SetEmpty().Append(pending.Dequeue());
                position.PositionIncrement = 0;
                return true;
            }
            if (!m_input.IncrementToken()) return false;
            var word = term.ToString();
            var terms = morphology.Analyze(word).AllTerms;
            if (terms.Count == 0) return true;
            term.SetEmpty().Append(terms[0]);
            for (var i = 1; i < terms.Count; i++) pending.Enqueue(terms[i]);
            state = CaptureState();
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            pending.Clear();
            state = null;
        }
    }
}
