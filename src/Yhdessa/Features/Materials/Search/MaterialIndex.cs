using System.Globalization;
using System.Runtime.CompilerServices;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Options;
using Yhdessa.Platform;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Jobs;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Yhdessa.Features.Materials.Search;

/// <summary>What the index holds of one published material.</summary>
public sealed record MaterialDocument(
    int Id, string Slug, string Language, string Type, string Title, string Summary, string BodyText, string FileText,
    IReadOnlyList<string> Tags, string Authors, DateOnly PublicationDate, IReadOnlyList<int> ThemeIds, IReadOnlyList<int> OrganisationIds,
    long Version)
{
    /// <summary>The version the index compares with the database: the material's last change, in whole milliseconds
    /// (PostgreSQL keeps microseconds and SQLite ticks, so finer would differ between a saved and a read-back row).</summary>
    public static long VersionOf(DateTimeOffset updatedAt) => updatedAt.UtcTicks / TimeSpan.TicksPerMillisecond;
}

public enum MaterialSort { Relevance, Newest }

public sealed record MaterialSearch(
    string? Query = null, string? Type = null, int? Theme = null, string? Language = null, int? Year = null,
    int? Organisation = null, MaterialSort Sort = MaterialSort.Relevance, int Page = 1, int PageSize = 20);

public sealed record MaterialHit(int Id, string Slug, string Title, string Summary, string Type, string Language,
    DateOnly PublicationDate, string SnippetHtml);

public sealed record FacetValue(string Value, int Count);

public sealed record MaterialHits(int Total, int Page, int PageSize, IReadOnlyList<MaterialHit> Items,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>What the index is built from and checked against: the database's published materials.</summary>
public interface IMaterialSource
{
    /// <summary>Every published material in index form, or only those with the given ids.</summary>
    IAsyncEnumerable<MaterialDocument> PublishedAsync(IReadOnlyCollection<int>? ids, CancellationToken cancellationToken);

    /// <summary>The id and <see cref="MaterialDocument.Version"/> of every published material.</summary>
    Task<Dictionary<int, long>> PublishedVersionsAsync(CancellationToken cancellationToken);
}

/// <summary>What a check of the index against the database found and fixed.</summary>
public sealed record IndexCheck(DateTimeOffset At, int Published, int Indexed, int Added, int Removed);

/// <summary>
/// The material bank's full-text index: one Lucene index under the data folder, the same whichever database the
/// platform runs on, so both engines give the same results (docs/decisions.md). It holds published materials
/// only, is rebuilt from the database when it is missing or was built by another version of the analysis, and is
/// updated at once when a material is published, changed or withdrawn.
/// </summary>
public sealed class MaterialIndex : IDisposable
{
    /// <summary>Raise when the analysis changes: an index built by another version is rebuilt on start.</summary>
    private const string AnalysisVersion = "4";
    public static readonly string[] FacetFields = ["type", "theme", "language", "year", "organisation"];
    private const int MaxQueryWords = 12;

    private readonly MaterialAnalyzers analyzers;
    private readonly IServiceScopeFactory scopes;
    private readonly TimeProvider clock;
    private readonly JobRequests jobs;
    private readonly ILogger<MaterialIndex> logger;
    private readonly string folder;
    private readonly SemaphoreSlim opening = new(1, 1);
    /// <summary>One change at a time, so that a check compares the database with an index no one is changing.</summary>
    private readonly SemaphoreSlim writing = new(1, 1);
    private LuceneDirectory? directory;
    private IndexWriter? writer;
    private SearcherManager? searchers;

    public MaterialIndex(MaterialAnalyzers analyzers, IServiceScopeFactory scopes, IOptions<PlatformOptions> options,
        IOptions<MaterialOptions> materialOptions, IWebHostEnvironment environment, TimeProvider clock, JobRequests jobs,
        ILogger<MaterialIndex> logger)
    {
        this.analyzers = analyzers;
        this.jobs = jobs;
        this.scopes = scopes;
        this.clock = clock;
        this.logger = logger;
        folder = materialOptions.Value.IndexDirectory is { Length: > 0 } own
            ? own
            : Path.Combine(DataSetup.ResolveDataDirectory(options.Value, environment.ContentRootPath), "search", "materials");
    }

    public MaterialAnalyzers Analyzers => analyzers;

    /// <summary>Where the index lives on disk.</summary>
    public string Folder => folder;

    /// <summary>The last check against the database (<see cref="CheckAsync"/>), if any since the start.</summary>
    public IndexCheck? LastCheck { get; private set; }

    private string VersionMarker => Path.Combine(folder, "analysis-version");

    private async Task<(IndexWriter Writer, SearcherManager Searchers)> OpenAsync(CancellationToken cancellationToken)
    {
        if (writer is not null && searchers is not null) return (writer, searchers);
        await opening.WaitAsync(cancellationToken);
        try
        {
            if (writer is not null && searchers is not null) return (writer, searchers);
            var current = File.Exists(VersionMarker) && await File.ReadAllTextAsync(VersionMarker, cancellationToken) == AnalysisVersion;
            if (!current && System.IO.Directory.Exists(folder)) System.IO.Directory.Delete(folder, recursive: true);
            System.IO.Directory.CreateDirectory(folder);
            directory = FSDirectory.Open(new DirectoryInfo(folder));
            var config = new IndexWriterConfig(MaterialAnalyzers.Version, analyzers.PerField())
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
                Similarity = new BM25Similarity(),
            };
            var newWriter = new IndexWriter(directory, config);
            if (!current)
            {
                var count = await AddAllAsync(newWriter, cancellationToken);
                newWriter.Commit();
                await File.WriteAllTextAsync(VersionMarker, AnalysisVersion, cancellationToken);
                logger.LogInformation("Built the material search index from the database: {Count} materials", count);
            }
            searchers = new SearcherManager(newWriter, true, new Bm25SearcherFactory());
            writer = newWriter;
            return (writer, searchers);
        }
        finally
        {
            opening.Release();
        }
    }

    private async Task<int> AddAllAsync(IndexWriter target, CancellationToken cancellationToken)
    {
        var count = 0;
        using var scope = scopes.CreateScope();
        await foreach (var material in scope.ServiceProvider.GetRequiredService<IMaterialSource>().PublishedAsync(null, cancellationToken))
        {
            target.UpdateDocument(new Term("id", Id(material.Id)), ToDocument(material));
            count++;
        }
        return count;
    }

    /// <summary>Closes the index without committing what is pending, so that the next use opens it again from disk
    /// (and rebuilds it from the database when its folder is gone).</summary>
    private void Close()
    {
        var (oldSearchers, oldWriter, oldDirectory) = (searchers, writer, directory);
        (searchers, writer, directory) = (null, null, null);
        try { oldWriter?.Rollback(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Closing the material search index failed");
        }
        oldSearchers?.Dispose();
        oldDirectory?.Dispose();
    }

    /// <summary>Runs one change to the index, and when it fails closes the index so that nothing half-done is committed
    /// later; the next check (<see cref="CheckAsync"/>) then brings the index up to date.</summary>
    private async Task<T> WriteAsync<T>(Func<IndexWriter, SearcherManager, Task<T>> change, CancellationToken cancellationToken)
    {
        await writing.WaitAsync(cancellationToken);
        try
        {
            // The folder was removed under a running app: start again from the database.
            if (writer is not null && !File.Exists(VersionMarker)) Close();
            var (w, s) = await OpenAsync(cancellationToken);
            try
            {
                return await change(w, s);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Close();
                throw;
            }
        }
        finally
        {
            writing.Release();
        }
    }

    /// <summary>Adds or replaces a published material; searchable when this returns.</summary>
    public Task PutAsync(MaterialDocument material, CancellationToken cancellationToken = default) =>
        PutManyAsync([material], cancellationToken);

    /// <summary>Adds many at once (demo content and the benchmark), committing once at the end.</summary>
    public Task PutManyAsync(IEnumerable<MaterialDocument> materials, CancellationToken cancellationToken = default) =>
        WriteAsync((w, s) =>
        {
            foreach (var material in materials) w.UpdateDocument(new Term("id", Id(material.Id)), ToDocument(material));
            w.Commit();
            s.MaybeRefreshBlocking();
            return Task.FromResult(true);
        }, cancellationToken);

    public Task RemoveAsync(int id, CancellationToken cancellationToken = default) =>
        WriteAsync((w, s) =>
        {
            w.DeleteDocuments(new Term("id", Id(id)));
            w.Commit();
            s.MaybeRefreshBlocking();
            return Task.FromResult(true);
        }, cancellationToken);

    /// <summary>
    /// Compares the index with the database and puts right what differs: a published material missing or in an older
    /// version is indexed again, one no longer published is taken out. This is what makes the index heal itself when
    /// an update after a database save was lost (a crash, a full disk): it runs at start, every few minutes and at once
    /// after a failed update (<see cref="MaterialIndexJob"/>). It reads two numbers per material, so it is cheap.
    /// </summary>
    public Task<IndexCheck> CheckAsync(CancellationToken cancellationToken = default) =>
        WriteAsync(async (w, s) =>
        {
            using var scope = scopes.CreateScope();
            var source = scope.ServiceProvider.GetRequiredService<IMaterialSource>();
            var published = await source.PublishedVersionsAsync(cancellationToken);
            var indexed = IndexedVersions(s);
            var stale = published.Where(p => !indexed.TryGetValue(p.Key, out var version) || version != p.Value).Select(p => p.Key).ToList();
            var extra = indexed.Keys.Where(id => !published.ContainsKey(id)).ToList();
            foreach (var id in extra) w.DeleteDocuments(new Term("id", Id(id)));
            var added = 0;
            if (stale.Count > 0)
            {
                await foreach (var material in source.PublishedAsync(stale, cancellationToken))
                {
                    w.UpdateDocument(new Term("id", Id(material.Id)), ToDocument(material));
                    added++;
                }
            }
            if (added + extra.Count > 0)
            {
                w.Commit();
                s.MaybeRefreshBlocking();
                logger.LogWarning("The material search index differed from the database: {Added} materials indexed again, {Removed} removed",
                    added, extra.Count);
            }
            return LastCheck = new IndexCheck(clock.GetUtcNow(), published.Count, indexed.Count, added, extra.Count);
        }, cancellationToken);

    /// <summary>Builds the index again from the database. Searches see the old index until the new one is committed.</summary>
    public Task<int> RebuildAsync(CancellationToken cancellationToken = default) =>
        WriteAsync(async (w, s) =>
        {
            w.DeleteAll();
            var count = await AddAllAsync(w, cancellationToken);
            w.Commit();
            s.MaybeRefreshBlocking();
            logger.LogInformation("Rebuilt the material search index from the database: {Count} materials", count);
            LastCheck = new IndexCheck(clock.GetUtcNow(), count, count, count, 0);
            return count;
        }, cancellationToken);

    /// <summary>Asks the background job for a check now (after a failed update), instead of at its next turn.</summary>
    public void RequestCheck() => jobs.RunSoon(MaterialIndexJob.Name);

    private static Dictionary<int, long> IndexedVersions(SearcherManager s)
    {
        var versions = new Dictionary<int, long>();
        var searcher = s.Acquire();
        try
        {
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                var reader = leaf.AtomicReader;
                var ids = reader.GetNumericDocValues("material");
                var numbers = reader.GetNumericDocValues("version");
                if (ids is null || numbers is null) continue;
                var live = reader.LiveDocs;
                for (var doc = 0; doc < reader.MaxDoc; doc++)
                {
                    if (live is not null && !live.Get(doc)) continue;
                    versions[(int)ids.Get(doc)] = numbers.Get(doc);
                }
            }
        }
        finally
        {
            s.Release(searcher);
        }
        return versions;
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static Document ToDocument(MaterialDocument m)
    {
        var language = MaterialAnalyzers.LanguageCodes.Contains(m.Language) ? m.Language : "fi";
        var text = string.Join("\n", new[] { m.Summary, m.BodyText, string.Join(" ", m.Tags), m.Authors, m.FileText }
            .Where(part => !string.IsNullOrWhiteSpace(part)));
        var year = m.PublicationDate.Year.ToString(CultureInfo.InvariantCulture);
        var doc = new Document
        {
            new StringField("id", Id(m.Id), Field.Store.YES),
            new StoredField("slug", m.Slug),
            new StoredField("title", m.Title),
            new StoredField("summary", m.Summary),
            // The snippet is cut from the summary and the body; file text is searched but not shown.
            new StoredField("body", Truncate(m.BodyText, 20_000)),
            new TextField("title_" + language, m.Title, Field.Store.NO),
            new TextField("text_" + language, text, Field.Store.NO),
            new TextField("raw", m.Title + "\n" + text, Field.Store.NO),
            new NumericDocValuesField("date", m.PublicationDate.DayNumber),
            // For the check against the database (CheckAsync): which material, and which version of it.
            new NumericDocValuesField("material", m.Id),
            new NumericDocValuesField("version", m.Version),
            new StoredField("date", m.PublicationDate.DayNumber),
        };
        AddFacet(doc, "type", m.Type);
        AddFacet(doc, "language", language);
        AddFacet(doc, "year", year);
        foreach (var theme in m.ThemeIds.Distinct()) AddFacet(doc, "theme", Id(theme));
        foreach (var organisation in m.OrganisationIds.Distinct()) AddFacet(doc, "organisation", Id(organisation));
        return doc;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    private static void AddFacet(Document doc, string field, string value)
    {
        doc.Add(new StringField("f_" + field, value, Field.Store.YES));
        doc.Add(new SortedSetDocValuesField("f_" + field, new BytesRef(value)));
    }

    public async Task<MaterialHits> SearchAsync(MaterialSearch search, CancellationToken cancellationToken = default)
    {
        var (_, s) = await OpenAsync(cancellationToken);
        var words = QueryWords(search.Query);
        var textQuery = words.Count == 0 ? new MatchAllDocsQuery() : BuildQuery(words);
        var query = new BooleanQuery { { textQuery, Occur.MUST } };
        void Filter(string field, string? value)
        {
            if (value is null) return;
            query.Add(new ConstantScoreQuery(new TermQuery(new Term("f_" + field, value))) { Boost = 0 }, Occur.MUST);
        }
        Filter("type", search.Type);
        Filter("theme", search.Theme?.ToString(CultureInfo.InvariantCulture));
        Filter("language", search.Language);
        Filter("year", search.Year?.ToString(CultureInfo.InvariantCulture));
        Filter("organisation", search.Organisation?.ToString(CultureInfo.InvariantCulture));

        var page = Math.Max(1, search.Page);
        var pageSize = Math.Clamp(search.PageSize, 1, 100);
        // A page far beyond the results asks for no more than the results there are.
        var wanted = (int)Math.Min((long)page * pageSize, 10_000);
        var searcher = s.Acquire();
        try
        {
            var byDate = search.Sort == MaterialSort.Newest || words.Count == 0;
            ITopDocsCollector top = byDate
                ? TopFieldCollector.Create(new Sort(new SortField("date", SortFieldType.INT64, true), SortField.FIELD_SCORE),
                    wanted, true, false, false, false)
                : TopScoreDocCollector.Create(wanted, true);
            var facets = new FacetCollector(FacetFields);
            searcher.Search(query, MultiCollector.Wrap((ICollector)top, facets));
            var topDocs = top.GetTopDocs((page - 1) * pageSize, pageSize);
            var marker = words.Count == 0 ? null : new SnippetMarker(analyzers, SnippetTerms(words));
            var items = new List<MaterialHit>();
            foreach (var scoreDoc in topDocs.ScoreDocs)
            {
                var doc = searcher.Doc(scoreDoc.Doc);
                var language = doc.Get("f_language");
                var summary = doc.Get("summary") ?? "";
                items.Add(new MaterialHit(
                    int.Parse(doc.Get("id"), CultureInfo.InvariantCulture), doc.Get("slug"), doc.Get("title"), summary,
                    doc.Get("f_type"), language, DateOnly.FromDayNumber(doc.GetField("date").GetInt32Value() ?? 0),
                    marker is null ? Snippets.Encoder.Encode(Snippets.Shorten(summary))
                        : Snippets.Highlight(marker, language, summary + "\n" + doc.Get("body"))));
            }
            return new MaterialHits(facets.Total, page, pageSize, items, facets.Counts());
        }
        finally
        {
            s.Release(searcher);
        }
    }

    /// <summary>Materials most like this one: its title and themes as a query, itself left out.</summary>
    public async Task<IReadOnlyList<MaterialHit>> RelatedAsync(int id, string title, IEnumerable<int> themeIds, int count,
        CancellationToken cancellationToken = default)
    {
        var (_, s) = await OpenAsync(cancellationToken);
        var words = QueryWords(title);
        var query = new BooleanQuery();
        if (words.Count > 0)
        {
            // Titles only: a title's words are common in bodies ("opas", "tuki"), and scoring every body that has one
            // of them made the material page slow at 50,000 materials, for no better neighbours.
            var text = BuildQuery(words, titlesOnly: true);
            if (text is BooleanQuery boolean) boolean.MinimumNumberShouldMatch = 1;
            query.Add(text, Occur.SHOULD);
        }
        foreach (var theme in themeIds) query.Add(new TermQuery(new Term("f_theme", Id(theme))) { Boost = 0.5f }, Occur.SHOULD);
        query.Add(new TermQuery(new Term("id", Id(id))), Occur.MUST_NOT);
        if (query.Clauses.Count == 1) return [];
        var searcher = s.Acquire();
        try
        {
            var top = searcher.Search(query, count);
            return top.ScoreDocs.Select(hit => searcher.Doc(hit.Doc)).Select(doc => new MaterialHit(
                int.Parse(doc.Get("id"), CultureInfo.InvariantCulture), doc.Get("slug"), doc.Get("title"), doc.Get("summary") ?? "",
                doc.Get("f_type"), doc.Get("f_language"), DateOnly.FromDayNumber(doc.GetField("date").GetInt32Value() ?? 0), "")).ToList();
        }
        finally
        {
            s.Release(searcher);
        }
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        var (_, s) = await OpenAsync(cancellationToken);
        var searcher = s.Acquire();
        try { return searcher.IndexReader.NumDocs; }
        finally { s.Release(searcher); }
    }

    /// <summary>The words of a query: letters and digits only, so quotes, operators and markup are just separators.
    /// A very long query keeps its first words.</summary>
    public static List<string> QueryWords(string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return [];
        if (query.Length > 1000)
        {
            // Cut between words: half a word left at the end would count as a word of its own and narrow the search.
            var cut = 1000;
            while (cut > 0 && char.IsLetterOrDigit(query[cut])) cut--;
            query = query[..(cut > 0 ? cut : 1000)];
        }
        var words = new List<string>();
        foreach (System.Text.RegularExpressions.Match match in Snippets.WordPattern().Matches(query))
        {
            var word = match.Value.ToLowerInvariant();
            if (word.Length > 60 || words.Contains(word)) continue;
            words.Add(word);
            if (words.Count == MaxQueryWords) break;
        }
        return words;
    }

    /// <summary>
    /// Each word must match (two of three when there are three or more, so a stray word does not empty the list),
    /// in any language: in Finnish by its base forms (title ×3), its derivation family and, for a compound, all
    /// its parts; in Swedish and English by their stems; and when Voikko does not know the word, by a fuzzy
    /// match of one or two letters, for typos.
    /// </summary>
    private Query BuildQuery(List<string> words, bool titlesOnly = false)
    {
        var query = new BooleanQuery();
        foreach (var word in words) query.Add(WordQuery(word, titlesOnly), Occur.SHOULD);
        query.MinimumNumberShouldMatch = words.Count <= 2 ? words.Count : (int)Math.Ceiling(words.Count * 2 / 3.0);
        return query;
    }

    private BooleanQuery WordQuery(string word, bool titlesOnly)
    {
        var clause = new BooleanQuery();
        void Term(string language, string term, float boost)
        {
            clause.Add(new TermQuery(new Term("title_" + language, term)) { Boost = 3 * boost }, Occur.SHOULD);
            if (!titlesOnly) clause.Add(new TermQuery(new Term("text_" + language, term)) { Boost = boost }, Occur.SHOULD);
        }

        var finnish = analyzers.Finnish.Analyze(word);
        foreach (var lemma in finnish.Lemmas) Term("fi", lemma, 1f);
        foreach (var family in finnish.Families) Term("fi", family, 0.4f);
        if (finnish.PartGroups.Count >= 2)
        {
            foreach (var field in titlesOnly ? [("title_fi", 1.5f)] : new[] { ("title_fi", 1.5f), ("text_fi", 0.5f) })
            {
                var all = new BooleanQuery { Boost = field.Item2 };
                foreach (var group in finnish.PartGroups)
                {
                    var any = new BooleanQuery();
                    foreach (var form in group) any.Add(new TermQuery(new Term(field.Item1, form)), Occur.SHOULD);
                    all.Add(any, Occur.MUST);
                }
                clause.Add(all, Occur.SHOULD);
            }
        }
        foreach (var language in new[] { "sv", "en" })
        {
            foreach (var term in analyzers.Terms(language, word).Distinct()) Term(language, term, 1f);
        }
        if (!finnish.Known && word.Length >= 5 && !titlesOnly)
        {
            var edits = word.Length >= 8 ? 2 : 1;
            foreach (var field in new[] { "raw", "text_fi", "title_fi" })
                clause.Add(new FuzzyQuery(new Term(field, word), edits, 1, 30, true) { Boost = 0.3f }, Occur.SHOULD);
        }
        return clause;
    }

    /// <summary>Every term a query's words give, in every language, for marking the words of a snippet.</summary>
    private HashSet<string> SnippetTerms(List<string> words)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            var finnish = analyzers.Finnish.Analyze(word);
            terms.UnionWith(finnish.Lemmas.Select(t => "fi:" + t));
            terms.UnionWith(finnish.Families.Select(t => "fi:" + t));
            if (finnish.PartGroups.Count >= 2) terms.UnionWith(finnish.Parts.Select(t => "fi:" + t));
            foreach (var language in new[] { "sv", "en" }) terms.UnionWith(analyzers.Terms(language, word).Select(t => language + ":" + t));
            terms.Add("raw:" + word);
        }
        return terms;
    }

    public void Dispose()
    {
        searchers?.Dispose();
        writer?.Dispose();
        directory?.Dispose();
        opening.Dispose();
        writing.Dispose();
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }

    /// <summary>
    /// Counts facet values over every hit of the query (not only the page shown). A common word hits half of all
    /// materials, so counting must cost next to nothing per hit: each segment's facet values are read from doc values
    /// once into plain arrays (<see cref="SegmentFacets"/>), kept for as long as the segment lives, and counting is
    /// then array indexing.
    /// </summary>
    private sealed class FacetCollector(string[] fields) : ICollector
    {
        private readonly Dictionary<string, Dictionary<string, int>> counts = fields.ToDictionary(f => f, _ => new Dictionary<string, int>());
        private SegmentFacets? segment;
        private int[][] segmentCounts = [];

        public int Total { get; private set; }

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) { }

        public void SetNextReader(AtomicReaderContext context)
        {
            Flush();
            segment = SegmentFacets.For(context.AtomicReader, fields);
            segmentCounts = [.. segment.Values.Select(values => new int[values.Length])];
        }

        public void Collect(int doc)
        {
            Total++;
            var current = segment!;
            for (var i = 0; i < fields.Length; i++)
            {
                var starts = current.Starts[i];
                var ords = current.Ords[i];
                var fieldCounts = segmentCounts[i];
                for (var k = starts[doc]; k < starts[doc + 1]; k++) fieldCounts[ords[k]]++;
            }
        }

        /// <summary>Turns one segment's counts by ordinal into counts by value.</summary>
        private void Flush()
        {
            if (segment is null) return;
            for (var i = 0; i < fields.Length; i++)
            {
                var byValue = counts[fields[i]];
                for (var ord = 0; ord < segmentCounts[i].Length; ord++)
                {
                    if (segmentCounts[i][ord] == 0) continue;
                    var value = segment.Values[i][ord];
                    byValue[value] = byValue.GetValueOrDefault(value) + segmentCounts[i][ord];
                }
            }
            segment = null;
        }

        public IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Counts()
        {
            Flush();
            return counts.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<FacetValue>)pair.Value
                .Select(kv => new FacetValue(kv.Key, kv.Value)).OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).ToList());
        }
    }

    /// <summary>One segment's facet values per document, per field: the ordinals of document d are
    /// <c>Ords[f][Starts[f][d]..Starts[f][d + 1]]</c>, and <c>Values[f][ord]</c> is the value. A segment never changes
    /// once written (deletions only hide documents), so the arrays are built once per segment core.</summary>
    private sealed class SegmentFacets
    {
        private static readonly ConditionalWeakTable<object, SegmentFacets> Cache = new();

        public required int[][] Starts { get; init; }
        public required int[][] Ords { get; init; }
        public required string[][] Values { get; init; }

        public static SegmentFacets For(AtomicReader reader, string[] fields) =>
            Cache.GetValue(reader.CoreCacheKey, _ => Build(reader, fields));

        private static SegmentFacets Build(AtomicReader reader, string[] fields)
        {
            var starts = new int[fields.Length][];
            var ords = new int[fields.Length][];
            var values = new string[fields.Length][];
            var term = new BytesRef();
            for (var i = 0; i < fields.Length; i++)
            {
                var docValues = reader.GetSortedSetDocValues("f_" + fields[i]);
                starts[i] = new int[reader.MaxDoc + 1];
                values[i] = new string[docValues?.ValueCount ?? 0];
                for (var ord = 0; ord < values[i].Length; ord++)
                {
                    docValues!.LookupOrd(ord, term);
                    values[i][ord] = term.Utf8ToString();
                }
                var list = new List<int>(reader.MaxDoc);
                for (var doc = 0; doc < reader.MaxDoc; doc++)
                {
                    starts[i][doc] = list.Count;
                    if (docValues is null) continue;
                    docValues.SetDocument(doc);
                    long ord;
                    while ((ord = docValues.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) list.Add((int)ord);
                }
                starts[i][reader.MaxDoc] = list.Count;
                ords[i] = [.. list];
            }
            return new SegmentFacets { Starts = starts, Ords = ords, Values = values };
        }
    }
}
