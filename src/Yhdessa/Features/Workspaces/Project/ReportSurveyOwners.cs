using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Surveys;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Workspaces.Project;

/// <summary>Names the work-monitoring forms in the survey engine's list as "work monitoring: project, period", linked to
/// the round's completeness view. They are made by opening a round, never from the survey list, so there are no choices.</summary>
internal sealed class ReportSurveyOwners(YhdessaDb db, IStringLocalizer<WorkspacesText> w) : ISurveyOwnerKind
{
    public string Kind => Reports.OwnerKind;
    public string Name => w["WorkMonitoring"];

    public Task<IReadOnlyList<SurveyOwner>> ChoicesAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<SurveyOwner>>([]);

    public async Task<IReadOnlyDictionary<string, SurveyOwner>> NamesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var numbers = ids.Select(id => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1).Where(n => n > 0).ToList();
        var rounds = await (from r in db.WorkspaceReportRounds
                            where numbers.Contains(r.Id)
                            join ws in db.Workspaces on r.WorkspaceId equals ws.Id
                            select new { r.Id, r.Period, ws.Name, ws.Slug }).AsNoTracking().ToListAsync(cancellationToken);
        return rounds.ToDictionary(r => r.Id.ToString(CultureInfo.InvariantCulture),
            r => new SurveyOwner($"{Kind}:{r.Id}", $"{w["WorkMonitoring"]}: {r.Name}, {r.Period}", $"/workspaces/{r.Slug}/reports"));
    }
}
