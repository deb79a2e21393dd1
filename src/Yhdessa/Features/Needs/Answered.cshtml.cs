using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Yhdessa.Features.Events;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Needs.Answers;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Platform.Web;

namespace Yhdessa.Features.Needs;

/// <summary><c>/needs/answered</c>, "you said, we did": the needs the network answered, a year at a time, with what it did,
/// 20 at a time, latest first (a busy year has hundreds). A permanent page: each year's address stays.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPages.Policy, Tags = [NeedPageCache.Tag])]
public class AnsweredModel(NeedCatalogue needs, NeedAnswers answers, EventCatalogue events) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? Theme { get; set; }

    public List<int> Years { get; private set; } = [];
    public NeedListPage Results { get; private set; } = new(0, 1, PageSize, []);
    public IReadOnlyList<Need> Needs => Results.Items;
    public Dictionary<int, List<ShownAnswer>> Answers { get; private set; } = [];
    public List<EventTheme> Themes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Years = await needs.AnsweredYearsAsync(cancellationToken);
        Themes = await events.ThemesAsync(cancellationToken);
        if (Year is null || !Years.Contains(Year.Value)) Year = Years.FirstOrDefault();
        if (Years.Count == 0) return;
        Results = await needs.AnsweredInAsync(Year!.Value, Theme, Math.Clamp(Pager.Requested(Request), 1, 1000), PageSize, cancellationToken);
        Answers = await answers.ForNeedsAsync([.. Needs.Select(n => n.Id)], cancellationToken);
    }
}
