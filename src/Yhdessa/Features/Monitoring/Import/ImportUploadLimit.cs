using Yhdessa.Platform.Web;

namespace Yhdessa.Features.Monitoring.Import;

/// <summary>The import's file limit (<see cref="SheetReader.MaxFileBytes"/>) for the upload form.</summary>
public sealed class ImportUploadLimitAttribute : FileUploadLimitAttribute
{
    protected override long MaxFileBytes(HttpContext http) => SheetReader.MaxFileBytes;
}
