using Microsoft.Extensions.Localization;
using Yhdessa.Features.Home;
using Yhdessa.Features.Needs.Answers;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Needs;

/// <summary>
/// On the front page, "you said, we did": the needs answered last, with what the network did, linking to
/// <c>/needs/answered</c>. A query for the needs and one for their answers (and one per kind of answer shown). An answer
/// clears every public page (<see cref="NeedTriage"/>), so the cached front page changes with it. The support count is left
/// out on purpose: it may still change after the answer, and a support clears only the needs pages
/// (<see cref="NeedPageCache"/>), which keeps the front page cached while needs are being supported.
/// </summary>
internal sealed class AnsweredNeedsSection(NeedCatalogue needs, NeedAnswers answers, IStringLocalizer<NeedsText> n) : IFrontPageSection
{
    public int Order => 40;

    public async Task<FrontPageSection?> LoadAsync(CancellationToken cancellationToken)
    {
        var answered = await needs.LatestAnsweredAsync(3, cancellationToken);
        if (answered.Count == 0) return null;
        var done = await answers.ForNeedsAsync([.. answered.Select(x => x.Id)], cancellationToken);
        return new FrontPageSection(n["AnsweredTitle"],
            [.. answered.Select(x => new FrontPageItem(x.Title, $"/needs/{x.Id}",
                $"{n.KindName(x.Kind)} · {n["AnsweredOnDate", HelsinkiTime.Date(x.AnsweredAt!.Value)]}",
                done[x.Id] is { Count: > 0 } what ? $"{n["WeDid"]} {string.Join(", ", what.Select(a => a.Target.Title))}" : null))],
            new FrontPageLink(n["FrontAll"], "/needs/answered"));
    }
}
