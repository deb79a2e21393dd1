using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Communication.Newsletter.Data;
using Yhdessa.Features.Events.Data;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Communication.Newsletter;

/// <summary>What the subscription form and the preferences form send: the address (subscribing only), the language and
/// the topics (_SubscriptionChoices.cshtml renders the last two for both).</summary>
public sealed class SubscriptionInput
{
    public string? Email { get; set; }
    public string? Language { get; set; }
    public List<int> ThemeIds { get; set; } = [];

    /// <summary>Adds the problems of the language and topics to <paramref name="state"/>; true when there are none.</summary>
    public bool CheckChoices(ModelStateDictionary state, IReadOnlyCollection<EventTheme> themes, IStringLocalizer<CommunicationText> c)
    {
        if (!Languages.All.Contains(Language)) state.AddModelError("Input.Language", c["SubscribeLanguageRequired"]);
        ThemeIds = [.. ThemeIds.Distinct()];
        if (ThemeIds.Count > SubscriptionLimits.MaxTopics || ThemeIds.Any(id => themes.All(t => t.Id != id)))
            state.AddModelError("Input.ThemeIds", c["NewsUnknownTheme"]);
        return state.IsValid;
    }
}
