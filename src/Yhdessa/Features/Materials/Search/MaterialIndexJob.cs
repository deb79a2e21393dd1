using Microsoft.Extensions.Options;

namespace Yhdessa.Features.Materials.Search;

/// <summary>
/// Keeps the search index in step with the database: checks it at start (which also builds a missing index before
/// the first visitor waits for it), every <see cref="MaterialOptions.IndexCheckMinutes"/>, and at once when an index
/// update failed (<see cref="MaterialIndex.RequestCheck"/>).
/// </summary>
internal sealed class MaterialIndexJob(MaterialIndex index, IOptions<MaterialOptions> options, ILogger<MaterialIndexJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(Math.Max(1, options.Value.IndexCheckMinutes));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await index.CheckAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Checking the material search index failed; will try again");
                }
                await index.WaitForCheckRequestAsync(interval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
