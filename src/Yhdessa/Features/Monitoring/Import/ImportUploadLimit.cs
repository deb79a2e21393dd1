using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Yhdessa.Features.Monitoring.Import;

/// <summary>
/// Runs before the antiforgery check, which would read the whole form: an upload announced bigger than
/// <see cref="SheetReader.MaxFileBytes"/> is turned back to the form with a message at once, and the server's body
/// limit is raised to the file limit so that a file of the allowed size gets through.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ImportUploadLimitAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>Room for the other form fields and the multipart boundaries around the file.</summary>
    private const long FormOverhead = 1024 * 1024;

    /// <summary>Before the antiforgery filter (order 1000).</summary>
    public int Order => -1000;

    public Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method)) return Task.CompletedTask;
        const long limit = SheetReader.MaxFileBytes + FormOverhead;
        if (http.Request.ContentLength > limit)
        {
            context.Result = new RedirectResult(http.Request.Path + "?toolarge=true");
            return Task.CompletedTask;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body) body.MaxRequestBodySize = limit;
        return Task.CompletedTask;
    }
}
