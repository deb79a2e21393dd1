using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Home;

/// <summary>One page for every error: it says what happened in plain words and never shows internals.
/// The correlation id lets support find the matching log lines.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class ErrorModel(IStringLocalizer<SharedText> text, ILogger<ErrorModel> logger) : PageModel
{
    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";
    public string? CorrelationId { get; private set; }

    public void OnGet(int? status) => Describe(status);
    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        var code = status ?? StatusCodes.Status500InternalServerError;
        var exception = HttpContext.Features.Get<IExceptionHandlerFeature>();
        if (exception is not null)
        {
            // The exception handlers chose the status: 503 for a busy database (DatabaseBusyHandler, which logged
            // it), 500 for everything else.
            code = Response.StatusCode == StatusCodes.Status503ServiceUnavailable
                ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
            CorrelationId = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
            if (code == StatusCodes.Status500InternalServerError)
                logger.LogError(exception.Error, "Unhandled error {CorrelationId} at {Path}", CorrelationId, exception.Path);
        }
        else if (code >= 500)
        {
            CorrelationId = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        }
        Response.StatusCode = code;
        (Title, Explanation) = code switch
        {
            404 => (text["Error404Title"].Value, text["Error404"].Value),
            403 => (text["Error403Title"].Value, text["Error403"].Value),
            400 => (text["Error400Title"].Value, text["Error400"].Value),
            429 => (text["Error429Title"].Value, text["Error429"].Value),
            503 => (text["Error503Title"].Value, text["Error503"].Value),
            _ => (text["Error500Title"].Value, text["Error500"].Value),
        };
    }
}
