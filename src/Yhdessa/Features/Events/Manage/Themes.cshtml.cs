using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Yhdessa.Features.Events.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Events.Manage;

/// <summary><c>/events/themes</c>: the managed list of themes events are tagged and filtered with.</summary>
public class ThemesModel(YhdessaDb db, AuditLog audit, IOutputCacheStore cache, IStringLocalizer<EventsText> e)
    : NamesPageModel<EventTheme>(db, audit, cache, e)
{
    public override NamesTexts Texts { get; } =
        new("/events/themes", "theme", "ThemesTitle", "NoThemes", "NewTheme", "ThemeExists", "ThemeSaved");
}
