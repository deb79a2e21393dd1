using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Platform.Web;

/// <summary>
/// Answers a request that failed because the database was busy (<see cref="DatabaseBusy"/>) with 503 Service
/// Unavailable and <c>Retry-After</c> instead of 500: a burst of visitors is not a fault of the app, and the person
/// or program may simply try again. The API and JSON clients get a problem+json body; pages go on to the error page,
/// which explains it in the person's language.
/// </summary>
public sealed class DatabaseBusyHandler(IProblemDetailsService problems, IStringLocalizer<SharedText> text,
    ILogger<DatabaseBusyHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseBusy.Is(exception)) return false;
        // The request already points at the error page here; the address asked for is kept in the feature.
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value ?? "";
        logger.LogWarning(exception, "The database was busy at {Path}: answered 503", path);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = DatabaseBusy.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        if (!WantsJson(path, context.Request)) return false;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = text["Error503Title"],
                Detail = text["Error503"],
            },
        });
    }

    private static bool WantsJson(PathString path, HttpRequest request) =>
        path.StartsWithSegments("/api")
        || request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || accept.MediaType.Equals("application/problem+json", StringComparison.OrdinalIgnoreCase));
}
