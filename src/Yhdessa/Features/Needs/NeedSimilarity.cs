using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Yhdessa.Features.Materials.Search;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Needs;

/// <summary>A need like the one being written, and how many of its words it shares.</summary>
public sealed record SimilarNeed(int Id, string Title, NeedState State, int Supports, int Shared);

/// <summary>
/// The needs most like one being written, found with the material bank's Finnish analysis: base forms and compound
/// parts ("asunnottomien nuorten" meets "nuorten asunnottomuus", "asumisneuvontaa" meets "neuvonta"). Each need keeps
/// its words' terms (<see cref="Need.SearchTerms"/>), which never change once it is raised; the app keeps them in memory
/// as a term → needs table (<see cref="TermTable"/>), read from the database and brought up to date on every lookup by
/// asking for the needs raised since. A lookup counts, for every need, how many of the typed text's terms it shares,
/// ranks them by that, then by support, and has the database check the best of them: only needs that are public and
/// open or answered are offered, with their title, state and support as they are now. So a close need with few supports
/// is never cut off by needs that share only a common word, and any instance answers alike; the support counts used to
/// choose which needs to check among equally close ones are at most <see cref="SupportsRefresh"/> old. (Matching the
/// terms in the database instead scanned every need's terms on every key press: tens of milliseconds at 10,000 needs.)
/// </summary>
public sealed class NeedSimilarity(YhdessaDb db, MaterialAnalyzers analyzers, IMemoryCache memory)
{
    /// <summary>At most this many terms of the typed text are asked for: the longest, which say the most.</summary>
    public const int AskedTerms = 8;

    /// <summary>How many of the best-ranked needs the database checks at a time: a few more than are shown, in case some are
    /// no longer open.</summary>
    private const int Checked = 20;

    /// <summary>How old the support counts that rank equally close needs before the check may be.</summary>
    private static readonly TimeSpan SupportsRefresh = TimeSpan.FromMinutes(1);

    /// <summary>How long a need number that was skipped (a need being saved, or one whose saving failed) is asked for again.</summary>
    private static readonly TimeSpan GapWait = TimeSpan.FromSeconds(30);

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
        // One connection for the lookup's two or three queries, not one each (on SQLite each opening sets its pragmas).
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await SimilarAsync(asked, count, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<List<SimilarNeed>> SimilarAsync(List<string> asked, int count, CancellationToken cancellationToken)
    {
        var table = await memory.GetOrCreate(typeof(TermTable), entry =>
        {
            entry.Priority = CacheItemPriority.NeverRemove;
            return new TermTable();
        })!.CurrentAsync(db, cancellationToken);

        // How many of the asked terms each need shares.
        var shared = new int[table.Ids.Length];
        var touched = new List<int>();
        foreach (var term in asked)
            if (table.Needs.TryGetValue(term, out var needs))
                foreach (var need in needs)
                    if (shared[need]++ == 0) touched.Add(need);

        // The best first: most terms shared, then most supported (as last read), then the newest. This order only chooses
        // which needs the database checks, a few at a time (a common word is in thousands of needs), so the best are
        // picked with a small heap instead of sorting them all.
        List<int> Best(int take)
        {
            var heap = new PriorityQueue<int, long>(take + 1);
            foreach (var need in touched)
            {
                var rank = ((long)shared[need] << 59) | ((long)Math.Min(table.Supports[need], (1 << 27) - 1) << 32) | (uint)table.Ids[need];
                heap.Enqueue(need, rank);
                if (heap.Count > take) heap.Dequeue();
            }
            var best = new List<int>(heap.Count);
            while (heap.Count > 0) best.Add(heap.Dequeue());
            best.Reverse();
            return best;
        }
        var open = NeedSupports.OpenStates.Append(NeedState.Answered).ToArray();
        var found = new List<SimilarNeed>();
        for (var from = 0; from < touched.Count && found.Count < count; from += Checked)
        {
            var batch = Best(from + Checked).Skip(from).ToDictionary(n => table.Ids[n], n => shared[n]);
            var ids = batch.Keys.ToList();
            var rows = await db.Needs.AsNoTracking().Where(n => ids.Contains(n.Id) && n.ConfirmedAt != null && open.Contains(n.State))
                .Select(n => new { n.Id, n.Title, n.State, n.SupportCount }).ToListAsync(cancellationToken);
            found.AddRange(rows.Select(n => new SimilarNeed(n.Id, n.Title, n.State, n.SupportCount, batch[n.Id])));
        }
        // Those found, ranked by their support as it is now.
        return [.. found.OrderByDescending(n => n.Shared).ThenByDescending(n => n.Supports).ThenByDescending(n => n.Id).Take(count)];
    }

    /// <summary>The distinct Finnish terms of a text, without the shortest (which match too much).</summary>
    private List<string> Terms(string text) =>
        [.. analyzers.Terms("fi", text).Where(t => t.Length >= 3 && !t.Contains(' ')).Distinct()];

    /// <summary>Every need's terms as term → needs, and the support counts that rank equally close needs. One per app; a
    /// snapshot is replaced whole and never changed, so lookups read it without a lock. Needs are numbered 0, 1, … in the
    /// snapshot (their positions in <see cref="Snapshot.Ids"/>), so that a lookup counts in an array.</summary>
    private sealed class TermTable
    {
        public sealed record Snapshot(int[] Ids, int[] Supports, IReadOnlyDictionary<string, int[]> Needs, int LastId,
            IReadOnlyDictionary<int, DateTimeOffset> Gaps, DateTimeOffset SupportsReadAt);

        private readonly SemaphoreSlim gate = new(1, 1);
        private volatile Snapshot? current;

        /// <summary>The snapshot with every need saved so far: the needs raised since it was made are read first.</summary>
        public async Task<Snapshot> CurrentAsync(YhdessaDb db, CancellationToken cancellationToken)
        {
            var lastId = await db.Needs.MaxAsync(n => (int?)n.Id, cancellationToken) ?? 0;
            var snapshot = current;
            if (snapshot is not null && snapshot.LastId == lastId && snapshot.Gaps.Count == 0)
            {
                if (DateTimeOffset.UtcNow - snapshot.SupportsReadAt < SupportsRefresh) return snapshot;
                // Only the support counts are old: one lookup reads them, the others go on with these meanwhile.
                if (!await gate.WaitAsync(0, cancellationToken)) return snapshot;
            }
            else await gate.WaitAsync(cancellationToken);
            try
            {
                snapshot = current;
                if (snapshot is null || lastId < snapshot.LastId) snapshot = await ReadAsync(db, null, lastId, cancellationToken);
                else if (lastId > snapshot.LastId || snapshot.Gaps.Count > 0) snapshot = await ReadAsync(db, snapshot, lastId, cancellationToken);
                if (DateTimeOffset.UtcNow - snapshot.SupportsReadAt >= SupportsRefresh)
                {
                    var supports = await db.Needs.Select(n => new { n.Id, n.SupportCount }).ToDictionaryAsync(n => n.Id, n => n.SupportCount, cancellationToken);
                    snapshot = snapshot with { Supports = [.. snapshot.Ids.Select(id => supports.GetValueOrDefault(id))], SupportsReadAt = DateTimeOffset.UtcNow };
                }
                current = snapshot;
                return snapshot;
            }
            finally
            {
                gate.Release();
            }
        }

        /// <summary>Adds the needs after <paramref name="from"/>'s last one, and those it was still waiting for, up to
        /// <paramref name="lastId"/>; everything when there is no snapshot to start from.</summary>
        private static async Task<Snapshot> ReadAsync(YhdessaDb db, Snapshot? from, int lastId, CancellationToken cancellationToken)
        {
            var after = from?.LastId ?? 0;
            var waited = from?.Gaps.Keys.ToList() ?? [];
            var rows = await db.Needs.AsNoTracking().Where(n => n.Id > after && n.Id <= lastId || waited.Contains(n.Id))
                .Select(n => new { n.Id, n.SearchTerms, n.SupportCount }).ToListAsync(cancellationToken);
            var ids = new List<int>(from?.Ids ?? []);
            var supports = new List<int>(from?.Supports ?? []);
            var needs = from?.Needs.ToDictionary(t => t.Key, t => t.Value.ToList(), StringComparer.Ordinal) ?? new(StringComparer.Ordinal);
            foreach (var row in rows)
            {
                foreach (var term in row.SearchTerms.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal))
                {
                    if (!needs.TryGetValue(term, out var list)) needs[term] = list = [];
                    list.Add(ids.Count);
                }
                ids.Add(row.Id);
                supports.Add(row.SupportCount);
            }
            // A number skipped in the sequence is a need still being saved (its transaction not yet committed, as can happen
            // on PostgreSQL) or one that never will be: it is asked for again for a while.
            var now = DateTimeOffset.UtcNow;
            var read = rows.Select(r => r.Id).ToHashSet();
            var gaps = (from?.Gaps ?? new Dictionary<int, DateTimeOffset>()).Where(g => !read.Contains(g.Key) && g.Value > now)
                .Concat(Enumerable.Range(after + 1, Math.Max(0, lastId - after)).Where(id => !read.Contains(id)).Select(id => KeyValuePair.Create(id, now + GapWait)))
                .ToDictionary();
            return new Snapshot([.. ids], [.. supports], needs.ToDictionary(t => t.Key, t => t.Value.ToArray(), StringComparer.Ordinal), lastId, gaps,
                from?.SupportsReadAt ?? now);
        }
    }
}
