using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Communication.Issues.Data;
using Yhdessa.Features.Communication.Items.Data;
using Yhdessa.Features.Events.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Communication.Issues;

/// <summary><c>/newsletter/issues/{id}</c>: composing an issue. The texts per language with the themes and the choices for
/// languages not written; the entries in order (members' accepted items and her own texts); who it reaches; previews,
/// a test to herself; schedule or send. Each part is a form of its own, so that nothing typed in one is lost by another.</summary>
[Authorize(Policy = Policies.Coordinator)]
public class ComposeModel(NewsletterIssues issues, YhdessaDb db, IStringLocalizer<CommunicationText> c) : PageModel
{
    public NewsletterIssue Issue { get; private set; } = null!;
    public IssueReach Reach { get; private set; } = null!;
    public List<NewsletterItem> Items { get; private set; } = [];
    public List<EventTheme> Themes { get; private set; } = [];
    public Dictionary<int, string> Organisations { get; private set; } = [];
    public string? CannotSend { get; private set; }
    /// <summary>What was typed in the texts form, shown again when it is refused.</summary>
    public Dictionary<string, (string Subject, string Editorial)> Typed { get; private set; } = [];
    public int Revision { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } other) return other;
        await ShowAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, int revision, string? subjectFi, string? editorialFi, string? subjectSv,
        string? editorialSv, string? subjectEn, string? editorialEn, int[]? themeIds, string? choiceFi, string? choiceSv, string? choiceEn,
        CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } other) return other;
        var texts = new List<IssueTextInput> { new("fi", subjectFi, editorialFi), new("sv", subjectSv, editorialSv), new("en", subjectEn, editorialEn) };
        // "" in the form: not chosen yet; "none": these subscribers do not get the issue.
        static string? Choice(string? value) => value == "none" ? "" : string.IsNullOrEmpty(value) ? null : value;
        var choices = new Dictionary<string, string?> { ["fi"] = Choice(choiceFi), ["sv"] = Choice(choiceSv), ["en"] = Choice(choiceEn) };
        var problems = await issues.SaveAsync(Issue, revision, texts, themeIds ?? [], choices, cancellationToken);
        if (problems.Count == 0) return Done("IssueSaved");
        Typed = texts.ToDictionary(t => t.Language, t => (t.Subject ?? "", t.Editorial ?? ""));
        Revision = revision;
        return await RefusedAsync(problems, cancellationToken);
    }

    public async Task<IActionResult> OnPostAddItemAsync(int id, int itemId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } other) return other;
        if (await issues.AddItemAsync(Issue, itemId, cancellationToken) is { } problem) return await RefusedAsync(new() { ["itemId"] = problem }, cancellationToken);
        return Done("IssueEntryAdded", "#entries-heading");
    }

    public async Task<IActionResult> OnPostAddTextAsync(int id, string entryLanguage, string? entryTitle, string? entryText, string? entryLink,
        CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } other) return other;
        var problems = await issues.AddTextAsync(Issue, entryLanguage, entryTitle, entryText, entryLink, cancellationToken);
        if (problems.Count == 0) return Done("IssueEntryAdded", "#entries-heading");
        return await RefusedAsync(problems, cancellationToken);
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, int entryId, int step, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } other) return other;
        await issues.MoveAsync(Issue, entryId, step, cancellationToken);
        return Done("IssueEntryMoved", $"#entry-{entryId}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int entryId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } other) return other;
        await issues.RemoveAsync(Issue, entryId, cancellationToken);
        return Done("IssueEntryRemoved", "#entries-heading");
    }

    public async Task<IActionResult> OnPostTestAsync(int id, string language, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } other) return other;
        if (!Issue.Texts.Any(t => t.Language == language))
            return await RefusedAsync(new() { [""] = c["IssueTestLanguageMissing", c["Language_" + (Languages.All.Contains(language) ? language : "fi")]] }, cancellationToken);
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync(cancellationToken);
        await issues.TestAsync(Issue, language, email!, userId, cancellationToken);
        TempData["Notice"] = c["IssueTestSent", email!].Value;
        return Redirect($"/newsletter/issues/{id}#send-heading");
    }

    public async Task<IActionResult> OnPostScheduleAsync(int id, int revision, DateTime? scheduleAt, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } other) return other;
        DateTimeOffset? at = null;
        if (scheduleAt is { } local)
        {
            var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
            if (!HelsinkiTime.Zone.IsInvalidTime(unspecified)) at = new DateTimeOffset(unspecified, HelsinkiTime.Zone.GetUtcOffset(unspecified)).ToUniversalTime();
        }
        if (await issues.ScheduleAsync(Issue, revision, at, cancellationToken) is { } problem)
            return await RefusedAsync(new() { ["scheduleAt"] = problem }, cancellationToken);
        return Done("IssueScheduled", "#send-heading");
    }

    public async Task<IActionResult> OnPostUnscheduleAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } other) return other;
        await issues.UnscheduleAsync(Issue, cancellationToken);
        return Done("IssueUnscheduled", "#send-heading");
    }

    public async Task<IActionResult> OnPostSendAsync(int id, int revision, bool confirm, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } other) return other;
        if (!confirm) return await RefusedAsync(new() { ["confirm"] = c["IssueSendConfirmRequired"] }, cancellationToken);
        if (await issues.StartAsync(Issue, revision, cancellationToken) is { } problem) return await RefusedAsync(new() { [""] = problem }, cancellationToken);
        TempData["Notice"] = c["IssueSendingStarted"].Value;
        return Redirect($"/newsletter/issues/{id}/progress");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } other) return other;
        if (!await issues.DeleteAsync(Issue, cancellationToken)) return await RefusedAsync(new() { [""] = c["IssueNotEditable"] }, cancellationToken);
        TempData["Notice"] = c["IssueDeleted"].Value;
        return Redirect("/newsletter/issues");
    }

    private IActionResult Done(string notice, string anchor = "")
    {
        TempData["Notice"] = c[notice].Value;
        return Redirect($"/newsletter/issues/{Issue.Id}{anchor}");
    }

    /// <summary>Loads the issue; an issue that is being sent or was sent is followed on its progress page.</summary>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await issues.FindAsync(id, cancellationToken) is not { } issue) return NotFound();
        Issue = issue;
        Revision = issue.Revision;
        if (issue.State is IssueState.Sending or IssueState.Sent) return Redirect($"/newsletter/issues/{id}/progress");
        return null;
    }

    private async Task<IActionResult> RefusedAsync(Dictionary<string, string> problems, CancellationToken cancellationToken)
    {
        foreach (var (field, message) in problems) ModelState.AddModelError(field, message);
        // Show the issue as saved, not as the refused change left it in memory.
        db.ChangeTracker.Clear();
        var revision = Revision;
        Issue = (await issues.FindAsync(Issue.Id, cancellationToken))!;
        Revision = Typed.Count > 0 ? revision : Issue.Revision;
        await ShowAsync(cancellationToken);
        return Page();
    }

    private async Task ShowAsync(CancellationToken cancellationToken)
    {
        Reach = await issues.ReachAsync(Issue, cancellationToken);
        Items = await issues.ItemsToComposeAsync(cancellationToken);
        Themes = await db.EventThemes.AsNoTracking().ToListAsync(cancellationToken);
        Themes = [.. Themes.OrderBy(t => t.Name, StringComparer.Create(Languages.FormattingCulture(Languages.Current), true))];
        Organisations = await issues.OrganisationsAsync(Issue, cancellationToken);
        CannotSend = issues.CannotSend(Issue);
    }
}
