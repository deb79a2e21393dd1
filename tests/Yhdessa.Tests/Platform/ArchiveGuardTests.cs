using Yhdessa.Platform.Files;
using Yhdessa.Tests.Materials;

namespace Yhdessa.Tests.Platform;

/// <summary>The archive guard refuses a zip that would unpack beyond its limits before anything in it is unpacked,
/// and lets ordinary documents through.</summary>
public sealed class ArchiveGuardTests
{
    private static readonly ArchiveLimits Documents = new();

    private static (ArchiveRefusal? Refusal, long Allocated) Check(byte[] file, ArchiveLimits? limits = null)
    {
        using var stream = new MemoryStream(file);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var refusal = ArchiveGuard.Check(stream, limits ?? Documents);
        return (refusal, GC.GetAllocatedBytesForCurrentThread() - allocated);
    }

    [Theory]
    [InlineData(ArchiveFormat.Docx)]
    [InlineData(ArchiveFormat.Pptx)]
    [InlineData(ArchiveFormat.Xlsx)]
    [InlineData(ArchiveFormat.Odt)]
    [InlineData(ArchiveFormat.Ods)]
    [InlineData(ArchiveFormat.Odp)]
    public void An_ordinary_document_passes_and_one_packed_a_thousand_to_one_is_refused_before_it_is_unpacked(ArchiveFormat format)
    {
        Assert.Null(Check(ArchiveFiles.Document(format, "Asumisneuvonnan vuosiraportti")).Refusal);

        var bomb = ArchiveFiles.Document(format, "Asumisneuvonnan vuosiraportti", paddingMegabytes: 100);
        Assert.True(bomb.Length < 200_000, $"{bomb.Length:N0} bytes");

        var (refusal, allocated) = Check(bomb);

        Assert.Equal(new ArchiveRefusal(ArchiveProblem.TooCompressed, ArchiveFiles.TextPart(format), 100), refusal);
        // Unpacking the part into anything would take over 100 MB.
        Assert.True(allocated < 2 * 1024 * 1024, $"{allocated:N0} bytes allocated");
    }

    [Fact]
    public void A_small_part_may_pack_tightly_but_not_one_over_a_megabyte()
    {
        var tight = ArchiveFiles.Document(ArchiveFormat.Docx, "x", paddingMegabytes: 1);

        Assert.Equal(ArchiveProblem.TooCompressed, Check(tight).Refusal?.Problem);
        Assert.Null(Check(tight, Documents with { RatioExemptBytes = 2 * 1024 * 1024 }).Refusal);
    }

    [Fact]
    public void The_total_and_each_entrys_limit_hold_for_what_the_table_of_contents_declares()
    {
        var file = ArchiveFiles.Document(ArchiveFormat.Docx, "x", paddingMegabytes: 3);
        var loose = Documents with { MaxRatio = 10_000 };

        Assert.Null(Check(file, loose).Refusal);
        Assert.Equal(new ArchiveRefusal(ArchiveProblem.TooLarge, null, 2 * 1024 * 1024),
            Check(file, loose with { MaxUnpackedBytes = 2 * 1024 * 1024 }).Refusal);
        Assert.Equal(new ArchiveRefusal(ArchiveProblem.EntryTooLarge, "word/document.xml", 1024 * 1024),
            Check(file, loose with { MaxEntryBytes = name => name.StartsWith("word/") ? 1024 * 1024 : long.MaxValue }).Refusal);
    }

    [Fact]
    public void Thousands_of_entries_are_refused_and_a_table_of_contents_is_not_read_past_its_budget()
    {
        // The document's own three parts and the extra entries.
        Assert.Null(Check(ArchiveFiles.Document(ArchiveFormat.Docx, "x", extraEntries: Documents.MaxEntries - 3)).Refusal);
        Assert.Equal(new ArchiveRefusal(ArchiveProblem.TooManyEntries, null, Documents.MaxEntries),
            Check(ArchiveFiles.Document(ArchiveFormat.Docx, "x", extraEntries: Documents.MaxEntries - 2)).Refusal);

        // 50,000 entries would be some 16 MB of entry objects; only the budget of a 100-entry limit is read.
        var (refusal, allocated) = Check(ArchiveFiles.Document(ArchiveFormat.Docx, "x", extraEntries: 50_000), Documents with { MaxEntries = 100 });
        Assert.Equal(new ArchiveRefusal(ArchiveProblem.TooManyEntries, null, 100), refusal);
        Assert.True(allocated < 4 * 1024 * 1024, $"{allocated:N0} bytes allocated");
    }

    [Fact]
    public void A_declared_size_that_is_not_the_real_one_is_refused_as_damaged_reading_no_further_than_declared()
    {
        var bomb = ArchiveFiles.Document(ArchiveFormat.Docx, "x", paddingMegabytes: 50);
        var lying = ArchiveFiles.WithDeclaredSize(bomb, "word/document.xml", 4096);

        var (refusal, allocated) = Check(lying);

        Assert.Equal(new ArchiveRefusal(ArchiveProblem.Damaged, "word/document.xml"), refusal);
        Assert.True(allocated < 2 * 1024 * 1024, $"{allocated:N0} bytes allocated");
        using (var zip = ArchiveGuard.Open(new MemoryStream(lying), Documents))
        using (var part = ArchiveGuard.OpenEntry(zip.GetEntry("word/document.xml")!))
            Assert.Equal(4096, ReadAll(part));

        var ordinary = ArchiveFiles.Document(ArchiveFormat.Docx, "Asumisneuvonnan vuosiraportti");
        Assert.Equal(ArchiveProblem.Damaged, Check(ArchiveFiles.WithDeclaredSize(ordinary, "word/document.xml", 100_000)).Refusal?.Problem);
    }

    private static long ReadAll(Stream stream)
    {
        var buffer = new byte[65536];
        long total = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0) total += read;
        return total;
    }

    [Fact]
    public void What_only_starts_like_a_zip_is_not_an_archive() =>
        Assert.Equal(new ArchiveRefusal(ArchiveProblem.NotAnArchive), Check([(byte)'P', (byte)'K', 3, 4, .. new byte[200]]).Refusal);
}
