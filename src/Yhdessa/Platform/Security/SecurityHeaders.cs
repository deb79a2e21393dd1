namespace Yhdessa.Platform.Security;

/// <summary>Headers every response carries. No inline script anywhere: the CSP forbids it.</summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /// <summary>The API explorer (Swagger UI, /api/explorer) sets a few inline styles; it shows no user content and its
    /// scripts stay 'self', so only its styles may be inline. The newsletter's email preview is the email itself, whose
    /// stylesheet is inline as mail programs need (its content is sanitised Markdown; scripts stay forbidden).</summary>
    public static readonly string ExplorerContentSecurityPolicy = ContentSecurityPolicy.Replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    private static bool IsEmailPreview(PathString path) =>
        path.StartsWithSegments("/newsletter/issues") && path.Value!.Contains("/preview/", StringComparison.Ordinal);

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api/explorer") || IsEmailPreview(context.Request.Path)
                    ? ExplorerContentSecurityPolicy : ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers.XFrameOptions = "DENY";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
