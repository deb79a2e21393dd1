using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Jobs;

namespace Yhdessa.Features.Admin.Jobs;

/// <summary>The background jobs: when each last ran, how it went, when it runs next and where it runs now.</summary>
[Authorize(Policy = Policies.Coordinator)]
public class IndexModel(JobStates states, IStringLocalizer<AdminText> text) : PageModel
{
    public IReadOnlyList<JobState> Jobs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Jobs = await states.ReadAsync(cancellationToken);

    /// <summary>The job's title in the reader's language (its name where it has none), and the instance for a job
    /// that runs on each.</summary>
    public string Title(JobState job)
    {
        var title = text["Job_" + job.Name];
        var name = title.ResourceNotFound ? job.Name : title.Value;
        return job.Instance is null ? name : string.Format(text["JobsOnInstance"].Value, name, job.Instance);
    }

    public static string Seconds(long milliseconds) => (milliseconds / 1000.0).ToString("0.#", CultureInfo.CurrentCulture);
}
