using Yhdessa.Features.Communication.News.Data;
using Yhdessa.Features.Materials.Files;

namespace Yhdessa.Features.Communication.News;

/// <summary>An image uploaded for a post or a member's item, read and recognised by its content.</summary>
public static class NewsImages
{
    /// <summary>The image's bytes and type, or the key of the text that says what is wrong with it (too large, not an image).</summary>
    public static async Task<(NewsImage? Image, string? Problem)> ReadAsync(UploadedImage upload, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (upload.Length > NewsLimits.ImageBytes) return (null, "NewsImageTooLarge");
        using var buffer = new MemoryStream();
        await using (var content = upload.Open()) await content.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        var kind = MaterialFiles.Recognise(buffer);
        if (kind != MaterialFiles.Png && kind != MaterialFiles.Jpeg && kind != MaterialFiles.Gif && kind != MaterialFiles.Webp)
            return (null, "NewsImageNotImage");
        return (new NewsImage { Content = buffer.ToArray(), ContentType = kind!.ContentType, CreatedAt = now }, null);
    }
}
