using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Platform.Files;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Materials.Files;

/// <summary>Why an uploaded file was not taken.</summary>
public enum UploadRefusal { NoFile, TooLarge, TooManyFiles, WrongType, UnpacksTooLarge, TooManyParts, Damaged, NotAudio }

/// <summary>
/// Takes an uploaded file into the bank's file store: accepted by its content (PDF, Office, ODT, images, MP3/M4A),
/// never by its name, up to <see cref="MaterialOptions.MaxFileBytes"/>, and an Office or ODT file only when it
/// unpacks within <see cref="MaterialFiles.ArchiveLimits"/>. Used by the material's own files page
/// and by other features that add files to the bank (an event's materials), so a file is checked one way only.
/// </summary>
public sealed class MaterialUploads(IFileStore store, TimeProvider clock, IOptions<MaterialOptions> options,
    ILogger<MaterialUploads> logger)
{
    public const string Accept = ".pdf,.docx,.pptx,.xlsx,.odt,.png,.jpg,.jpeg,.gif,.webp,.mp3,.m4a";
    /// <summary>What a podcast episode's recording may be.</summary>
    public const string AcceptAudio = ".mp3,.m4a";
    private static readonly FileKind[] Audio = [MaterialFiles.Mp3, MaterialFiles.M4a];

    public long MaxFileBytes => options.Value.MaxFileBytes;

    /// <summary>The translated message for a refusal, in the reader's language.</summary>
    public string Message(UploadRefusal refusal, IStringLocalizer<MaterialsText> m) => refusal switch
    {
        UploadRefusal.NoFile => m["ChooseFile"],
        UploadRefusal.TooLarge => m["FileTooLarge", FileSizes.Text(MaxFileBytes, Languages.FormattingCulture(Languages.Current))],
        UploadRefusal.TooManyFiles => m["TooManyFiles"],
        UploadRefusal.UnpacksTooLarge => m["FileUnpacksTooLarge", FileSizes.Text(MaterialFiles.ArchiveLimits.MaxUnpackedBytes, Languages.FormattingCulture(Languages.Current))],
        UploadRefusal.TooManyParts => m["FileHasTooManyParts", MaterialFiles.ArchiveLimits.MaxEntries.ToString("N0", Languages.FormattingCulture(Languages.Current))],
        UploadRefusal.Damaged => m["FileDamaged"],
        UploadRefusal.NotAudio => m["FileNotAudio"],
        _ => m["FileTypeRefused"],
    };

    /// <summary>Checks the upload and saves it in the file store; the caller adds the returned file to its material
    /// (which has <paramref name="filesAlready"/> files) and saves. Nothing is stored when the file is refused, nor when
    /// <paramref name="audioOnly"/> asks for a podcast episode's recording and the file is not MP3 or M4A audio.</summary>
    public async Task<(MaterialFile? File, UploadRefusal? Refusal)> StoreAsync(IFormFile? upload, int filesAlready,
        CancellationToken cancellationToken, bool audioOnly = false)
    {
        if (upload is null || upload.Length == 0) return (null, UploadRefusal.NoFile);
        if (upload.Length > MaxFileBytes) return (null, UploadRefusal.TooLarge);
        if (filesAlready >= MaterialLimits.MaxFiles) return (null, UploadRefusal.TooManyFiles);

        // Read into a temporary file: recognising the kind and taking the text both need to seek.
        await using var temporary = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await upload.CopyToAsync(temporary, cancellationToken);
        // An Office or OpenDocument file is a zip: what it unpacks to is checked before anything in it is read.
        if (ArchiveGuard.IsZip(temporary) && ArchiveGuard.Check(temporary, MaterialFiles.ArchiveLimits) is { } unsafeArchive)
            return (null, RefusalOf(unsafeArchive.Problem));
        var kind = MaterialFiles.Recognise(temporary);
        if (audioOnly && (kind is null || !Audio.Contains(kind))) return (null, UploadRefusal.NotAudio);
        if (kind is null) return (null, UploadRefusal.WrongType);
        var file = new MaterialFile
        {
            FileName = MaterialFiles.SafeName(upload.FileName, kind),
            StoredName = Guid.NewGuid().ToString("N") + kind.Extension,
            ContentType = kind.ContentType,
            Size = temporary.Length,
            IsEpisodeAudio = audioOnly,
            Text = kind.HasText ? MaterialFiles.ExtractText(temporary, kind, MaterialLimits.FileText, logger) : "",
            AddedAt = clock.GetUtcNow(),
        };
        temporary.Position = 0;
        await store.SaveAsync(file.StoredName, temporary, cancellationToken);
        return (file, null);
    }

    private static UploadRefusal RefusalOf(ArchiveProblem problem) => problem switch
    {
        ArchiveProblem.NotAnArchive => UploadRefusal.WrongType,
        ArchiveProblem.TooManyEntries => UploadRefusal.TooManyParts,
        ArchiveProblem.Damaged => UploadRefusal.Damaged,
        _ => UploadRefusal.UnpacksTooLarge,
    };
}
