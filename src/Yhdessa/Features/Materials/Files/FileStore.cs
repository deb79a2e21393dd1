using Microsoft.Extensions.Options;
using Yhdessa.Platform;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Materials.Files;

/// <summary>Where uploaded files live. Names are chosen by the server (see <see cref="MaterialFiles"/>), never by the uploader.</summary>
public interface IFileStore
{
    Task SaveAsync(string name, Stream content, CancellationToken cancellationToken);
    /// <summary>Null when the file is not there.</summary>
    Stream? OpenRead(string name);
    Task DeleteAsync(string name, CancellationToken cancellationToken);
}

/// <summary>Files under the data folder (<c>Yhdessa:DataDirectory</c>/files), the default store.</summary>
public sealed class DataFolderFileStore : IFileStore
{
    private readonly string root;

    public DataFolderFileStore(IOptions<PlatformOptions> options, IWebHostEnvironment environment)
    {
        root = Path.Combine(DataSetup.ResolveDataDirectory(options.Value, environment.ContentRootPath), "files", "materials");
        Directory.CreateDirectory(root);
    }

    private string PathOf(string name)
    {
        // Stored names are generated, but a name that would leave the folder is refused all the same.
        if (name.Length == 0 || name != Path.GetFileName(name) || name.Contains("..", StringComparison.Ordinal))
            throw new ArgumentException("Not a stored file name.", nameof(name));
        return Path.Combine(root, name);
    }

    public async Task SaveAsync(string name, Stream content, CancellationToken cancellationToken)
    {
        var path = PathOf(name);
        var temporary = path + ".part";
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            await content.CopyToAsync(file, cancellationToken);
        File.Move(temporary, path);
    }

    public Stream? OpenRead(string name)
    {
        var path = PathOf(name);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(name));
        return Task.CompletedTask;
    }
}
