using System.IO.Compression;
using System.IO.Hashing;

namespace Yhdessa.Platform.Files;

/// <summary>Why a zip-based file (Office, OpenDocument) was not read.</summary>
public enum ArchiveProblem
{
    /// <summary>Starts like a zip but has no readable table of contents.</summary>
    NotAnArchive,
    /// <summary>More entries than <see cref="ArchiveLimits.MaxEntries"/>.</summary>
    TooManyEntries,
    /// <summary>One entry unpacks to more than <see cref="ArchiveLimits.MaxEntryBytes"/> allows for it.</summary>
    EntryTooLarge,
    /// <summary>All entries together unpack to more than <see cref="ArchiveLimits.MaxUnpackedBytes"/>.</summary>
    TooLarge,
    /// <summary>An entry is packed more tightly than <see cref="ArchiveLimits.MaxRatio"/> to one.</summary>
    TooCompressed,
    /// <summary>An entry's content is not what the table of contents says (size or checksum).</summary>
    Damaged,
}

/// <summary>What was wrong: the entry concerned (if one) and the limit it went over (if any).</summary>
public sealed record ArchiveRefusal(ArchiveProblem Problem, string? Entry = null, long Limit = 0);

public sealed class ArchiveRefusedException(ArchiveRefusal refusal)
    : Exception($"The archive is refused: {refusal.Problem} {refusal.Entry}")
{
    public ArchiveRefusal Refusal { get; } = refusal;
}

/// <summary>How far a zip may unpack. The defaults fit documents: no Office or OpenDocument file a person writes has
/// 10,000 parts, unpacks to 512 MB, or packs a part of over 1 MB more than 100 to one (text and XML pack 5–20 to one;
/// a part of one repeated character packs 1,000 to one).</summary>
public sealed record ArchiveLimits
{
    public int MaxEntries { get; init; } = 10_000;
    public long MaxUnpackedBytes { get; init; } = 512L * 1024 * 1024;
    /// <summary>A limit for an entry by its name, or null for none beyond the total.</summary>
    public Func<string, long>? MaxEntryBytes { get; init; }
    public int MaxRatio { get; init; } = 100;
    /// <summary>Smaller entries may be packed as tightly as they are: a small part of repeated markup packs well and
    /// can do no harm.</summary>
    public long RatioExemptBytes { get; init; } = 1024 * 1024;

    /// <summary>How much of the file ZipArchive may read to learn the entries: the end record and its comment (at most
    /// 64 kB), then the table of contents, 46 bytes and a name per entry. A table of contents of millions of
    /// entries in a file of a few megabytes would otherwise become hundreds of megabytes of entry objects before
    /// they could be counted.</summary>
    internal long TableOfContentsBudget => 128 * 1024 + MaxEntries * 256L;
}

/// <summary>
/// Checks a zip-based file before anything reads it, so that a file of a few hundred kilobytes cannot unpack to
/// gigabytes in memory: the number of entries, the sizes the table of contents declares (per entry, in total, and
/// against the packed size), and then the real content of every entry, read through a stream that stops at the
/// declared size and compared with the declared size and checksum. A file that passes unpacks to no more than the
/// limits, whatever reads it afterwards (the Open XML SDK too). Every feature that opens an uploaded zip goes
/// through here. Archives inside archives are never opened by the application, so there is no nesting to limit.
/// </summary>
public static class ArchiveGuard
{
    /// <summary>Whether the file starts as a zip does (a local file header).</summary>
    public static bool IsZip(Stream content)
    {
        Span<byte> head = stackalloc byte[4];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        return read == 4 && head.SequenceEqual("PK\u0003\u0004"u8);
    }

    /// <summary>Null when the zip in <paramref name="content"/> (seekable) is within <paramref name="limits"/>;
    /// otherwise the first thing wrong. Leaves the stream at its start.</summary>
    public static ArchiveRefusal? Check(Stream content, ArchiveLimits limits)
    {
        ZipArchive zip;
        try
        {
            zip = Open(content, limits);
        }
        catch (ArchiveRefusedException e)
        {
            content.Position = 0;
            return e.Refusal;
        }
        catch (InvalidDataException)
        {
            content.Position = 0;
            return new(ArchiveProblem.NotAnArchive);
        }
        try
        {
            return DeclaredSizes(zip, limits) ?? RealContent(zip);
        }
        finally
        {
            zip.Dispose();
            content.Position = 0;
        }
    }

    /// <summary>Opens the zip for reading, learning its entries within <paramref name="limits"/>; throws
    /// <see cref="ArchiveRefusedException"/> when it has too many, <see cref="InvalidDataException"/> when it is no
    /// zip. The caller disposes the archive; <paramref name="content"/> stays open.</summary>
    public static ZipArchive Open(Stream content, ArchiveLimits limits)
    {
        content.Position = 0;
        var budgeted = new ReadBudgetStream(content, limits.TableOfContentsBudget,
            () => new ArchiveRefusedException(new(ArchiveProblem.TooManyEntries, null, limits.MaxEntries)));
        var zip = new ZipArchive(budgeted, ZipArchiveMode.Read, leaveOpen: true);
        try
        {
            var entries = zip.Entries.Count;
            budgeted.Lift();
            if (entries > limits.MaxEntries) throw new ArchiveRefusedException(new(ArchiveProblem.TooManyEntries, null, limits.MaxEntries));
            return zip;
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    /// <summary>An entry's content, which stops at the size the table of contents declares: whatever the packed data
    /// hold, no more is read (more would be refused as <see cref="ArchiveProblem.Damaged"/>).</summary>
    public static Stream OpenEntry(ZipArchiveEntry entry) => new DeclaredLengthStream(entry.Open(), entry.Length,
        () => new ArchiveRefusedException(new(ArchiveProblem.Damaged, entry.FullName)));

    private static ArchiveRefusal? DeclaredSizes(ZipArchive zip, ArchiveLimits limits)
    {
        var total = 0L;
        foreach (var entry in zip.Entries)
        {
            if (limits.MaxEntryBytes?.Invoke(entry.FullName) is { } max && entry.Length > max)
                return new(ArchiveProblem.EntryTooLarge, entry.FullName, max);
            total += entry.Length;
            if (total > limits.MaxUnpackedBytes) return new(ArchiveProblem.TooLarge, null, limits.MaxUnpackedBytes);
            if (entry.Length > limits.RatioExemptBytes && entry.Length > entry.CompressedLength * limits.MaxRatio)
                return new(ArchiveProblem.TooCompressed, entry.FullName, limits.MaxRatio);
        }
        return null;
    }

    /// <summary>Unpacks every entry (into nothing) to see that it holds what the table of contents declares; the
    /// declared sizes are already within the limits, and reading stops at them.</summary>
    private static ArchiveRefusal? RealContent(ZipArchive zip)
    {
        var buffer = new byte[81920];
        foreach (var entry in zip.Entries)
        {
            try
            {
                using var stream = OpenEntry(entry);
                var crc = new Crc32();
                var length = 0L;
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    crc.Append(buffer.AsSpan(0, read));
                    length += read;
                }
                if (length != entry.Length || crc.GetCurrentHashAsUInt32() != entry.Crc32) return new(ArchiveProblem.Damaged, entry.FullName);
            }
            catch (ArchiveRefusedException e)
            {
                return e.Refusal;
            }
            catch (Exception e) when (e is InvalidDataException or NotSupportedException)
            {
                // Bad packed data, an unknown compression method or encryption.
                return new(ArchiveProblem.Damaged, entry.FullName);
            }
        }
        return null;
    }

    /// <summary>A read-only view of a seekable stream that throws once more than a budget has been read, until lifted.</summary>
    private sealed class ReadBudgetStream(Stream inner, long budget, Func<Exception> exceeded) : Stream
    {
        private long left = budget;
        private bool lifted;

        public void Lift() => lifted = true;

        private int Spend(int read)
        {
            if (lifted) return read;
            left -= read;
            if (left < 0) throw exceeded();
            return read;
        }

        public override int Read(byte[] buffer, int offset, int count) => Spend(inner.Read(buffer, offset, count));
        public override int Read(Span<byte> buffer) => Spend(inner.Read(buffer));
        public override bool CanRead => true;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void Flush() { }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Counts what it reads and throws once the count passes the declared length.</summary>
    private sealed class DeclaredLengthStream(Stream inner, long length, Func<Exception> exceeded) : Stream
    {
        private long counted;

        private int Count(int read)
        {
            counted += read;
            if (counted > length) throw exceeded();
            return read;
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));
        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => counted; set => throw new NotSupportedException(); }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void Flush() { }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
