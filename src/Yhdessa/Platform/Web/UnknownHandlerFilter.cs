using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Yhdessa.Platform.Web;

/// <summary>
/// A request a page has no handler for is answered as such: a POST to a page that only shows something (or to a
/// form's page without the handler its buttons name) gets 405, a GET naming an unknown handler gets 404. Razor Pages
/// would otherwise render the page without running any handler, with nothing loaded, and fail with a server error.
/// </summary>
public sealed class UnknownHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is null)
        {
            var request = context.HttpContext.Request;
            if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
            {
                context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
                return;
            }
            if (context.RouteData.Values["handler"] is string { Length: > 0 } || !string.IsNullOrEmpty(request.Query["handler"]))
            {
                context.Result = new NotFoundResult();
                return;
            }
        }
        await next();
    }
}
