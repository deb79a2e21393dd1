using Microsoft.Extensions.Options;
using Yhdessa.Platform.Jobs;

namespace Yhdessa.Features.Materials.Search;

/// <summary>
/// Keeps the search index in step with the database: checks it at start (which also builds a missing index before
/// the first visitor waits for it), every <see cref="MaterialOptions.IndexCheckMinutes"/>, and at once when an index
/// update failed (<see cref="MaterialIndex.RequestCheck"/>). The index is a folder of this instance, so every instance
/// runs the check on its own index.
/// </summary>
internal sealed class MaterialIndexJob(MaterialIndex index, IOptions<MaterialOptions> options) : IRecurringJob
{
    public static string Name => "material-index";

    public static bool PerInstance => true;

    public TimeSpan Interval => TimeSpan.FromMinutes(Math.Max(1, options.Value.IndexCheckMinutes));

    public Task RunAsync(CancellationToken cancellationToken) => index.CheckAsync(cancellationToken);
}
