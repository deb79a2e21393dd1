using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Yhdessa.Platform.Web;

/// <summary>
/// Runs before the antiforgery check, which would read the whole form: an upload announced bigger than the limit is
/// turned back to the form with <c>?toolarge=true</c> at once (not a 400 or 500 after reading 200 MB), and the
/// server's body limit is set to the file limit so that a file of the allowed size gets through. A feature names
/// its own file limit in a subclass.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public abstract class FileUploadLimitAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>Room for the other form fields and the multipart boundaries around the file.</summary>
    public const long FormOverhead = 1024 * 1024;

    /// <summary>Before the antiforgery filter (order 1000).</summary>
    public int Order => -1000;

    protected abstract long MaxFileBytes(HttpContext http);

    public Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method)) return Task.CompletedTask;
        var limit = MaxFileBytes(http) + FormOverhead;
        if (http.Request.ContentLength > limit)
        {
            context.Result = new RedirectResult(http.Request.Path + "?toolarge=true");
            return Task.CompletedTask;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body) body.MaxRequestBodySize = limit;
        return Task.CompletedTask;
    }
}
