using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Yhdessa.Platform.Localization;

/// <summary>
/// Finnish first, then Swedish and English. The language comes from <c>?culture=</c>, then the
/// language cookie, then the browser. Texts follow the language; dates and numbers are always written
/// the Finnish way (<c>d.M.yyyy</c>, decimal comma), as in Finland in all three languages.
/// </summary>
public static class Languages
{
    public const string Finnish = "fi";
    public const string Swedish = "sv";
    public const string English = "en";
    public static readonly string[] All = [Finnish, Swedish, English];

    /// <summary>The Finnish regional culture for each language: fi-FI, sv-FI, en-FI.</summary>
    public static CultureInfo FormattingCulture(string language) => language switch
    {
        Swedish => CultureInfo.GetCultureInfo("sv-FI"),
        English => FinnishEnglish.Value,
        _ => CultureInfo.GetCultureInfo("fi-FI"),
    };

    // English in Finland, with English number conventions (4.3, 1,250): the reader of an English page reads them so.
    private static readonly Lazy<CultureInfo> FinnishEnglish = new(() =>
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo("en-FI").Clone();
        culture.NumberFormat = (NumberFormatInfo)CultureInfo.GetCultureInfo("en-GB").NumberFormat.Clone();
        return CultureInfo.ReadOnly(culture);
    });

    /// <summary>
    /// Texts and formats of one person's language (Finnish when unknown) until disposed: mail to a person is written
    /// in their language, whatever the language of the request or job that sends it.
    /// </summary>
    public static IDisposable Use(string? language)
    {
        var chosen = All.Contains(language) ? language! : Finnish;
        var scope = new CultureScope(CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(chosen);
        CultureInfo.CurrentCulture = FormattingCulture(chosen);
        return scope;
    }

    private sealed record CultureScope(CultureInfo Texts, CultureInfo Formats) : IDisposable
    {
        public void Dispose() => (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (Texts, Formats);
    }

    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName switch
    {
        Swedish => Swedish,
        English => English,
        _ => Finnish,
    };

    public static IServiceCollection AddLanguages(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = All.Select(CultureInfo.GetCultureInfo).ToList();
            options.DefaultRequestCulture = new RequestCulture(Finnish);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.ApplyCurrentCultureToResponseHeaders = true;
        });
        return services;
    }

    /// <summary>Chooses the language of the request and applies the Finnish formatting conventions to it.</summary>
    public static IApplicationBuilder UseLanguages(this IApplicationBuilder app)
    {
        app.UseRequestLocalization();
        return app.Use((context, next) =>
        {
            var formatting = FormattingCulture(Current);
            CultureInfo.CurrentCulture = formatting;
            return next(context);
        });
    }

    /// <summary>Sets the language cookie that the switcher in the header writes.</summary>
    public static void Remember(HttpResponse response, string language) =>
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                Secure = response.HttpContext.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
            });

    /// <summary><c>/language?to=sv&amp;returnUrl=/events</c>: the switcher in the header; works without JavaScript.</summary>
    public static void MapLanguageSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/language", (HttpContext context, string? to, string? returnUrl) =>
        {
            if (to is not null && All.Contains(to)) Remember(context.Response, to);
            var target = returnUrl is not null && IsLocal(returnUrl) ? returnUrl : "/";
            return Results.LocalRedirect(target);
        }).AllowAnonymous().ExcludeFromDescription();

    /// <summary>
    /// Where the switcher in the header comes back to: the address the visitor asked for, also on an error
    /// page (not the re-executed <c>/error/404</c>), without <c>?culture=</c>, which would override the newly chosen language.
    /// </summary>
    public static string SwitchReturnUrl(HttpContext context)
    {
        var reExecuted = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>();
        // Escaped, so that a page whose address has letters like "ä" comes back as a plain local path (IsLocal).
        var path = reExecuted is null
            ? (context.Request.PathBase + context.Request.Path).ToUriComponent()
            : (new PathString(reExecuted.OriginalPathBase) + new PathString(reExecuted.OriginalPath)).ToUriComponent();
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(
            reExecuted is null ? context.Request.QueryString.Value : reExecuted.OriginalQueryString);
        var kept = query.Where(p => !p.Key.Equals("culture", StringComparison.OrdinalIgnoreCase)
                                    && !p.Key.Equals("ui-culture", StringComparison.OrdinalIgnoreCase));
        return path + QueryString.Create(kept).ToUriComponent();
    }

    /// <summary>
    /// Only a plain path on this site, as it travels in a Location header: "/" and then printable ASCII, not "//host",
    /// and no backslash, space or control character anywhere (browsers read "/\\host" as "//host" and drop a tab or a
    /// line break, so "/\t/host" would lead there too). Anything else, such as "/。evil.example" with its ideographic
    /// full stop, which cannot be sent in a header at all, is no local path: callers then go to their own default.
    /// </summary>
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//") && url.All(c => c is > ' ' and < '\x7F' and not '\\');
}
