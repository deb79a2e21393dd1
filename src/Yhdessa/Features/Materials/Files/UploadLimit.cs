using Microsoft.Extensions.Options;
using Yhdessa.Platform.Web;

namespace Yhdessa.Features.Materials.Files;

/// <summary>The material bank's file limit (<see cref="MaterialOptions.MaxFileBytes"/>) for upload forms.</summary>
public sealed class UploadLimitAttribute : FileUploadLimitAttribute
{
    protected override long MaxFileBytes(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<MaterialOptions>>().Value.MaxFileBytes;
}
