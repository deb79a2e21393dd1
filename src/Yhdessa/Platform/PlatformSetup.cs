using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Email;
using Yhdessa.Platform.Health;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Jobs;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Places;
using Yhdessa.Platform.Security;
using Yhdessa.Platform.Web;

namespace Yhdessa.Platform;

/// <summary>What every feature stands on: data, identity, languages, email, audit, security and health. The features
/// add themselves beside it in Program.cs; nothing here knows of them.</summary>
public static class PlatformSetup
{
    /// <summary>The rate limit for sign-in, sign-up, password reset and the pages that ask for the current password, per client address.</summary>
    public const string AccountRateLimit = "account";

    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection("Yhdessa").Get<PlatformOptions>() ?? new PlatformOptions();
        services.Configure<PlatformOptions>(builder.Configuration.GetSection("Yhdessa"));
        if (!PublicAddress.IsConfigured(builder.Configuration))
            services.PostConfigure<PlatformOptions>(platform => platform.BaseUrl = PublicAddress.FromListening(builder.Configuration));
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();

        services.AddPlatformData(builder.Configuration, options, builder.Environment.ContentRootPath);
        services.AddDataProtection().SetApplicationName("Yhdessa").PersistKeysToDbContext<YhdessaDb>();
        services.AddPlatformIdentity(builder.Environment);
        services.AddLanguages();
        services.AddScoped<AuditLog>();
        services.AddScoped<EmailOutbox>();
        services.AddEmailSending(builder.Configuration);
        services.AddRecurringJobs();
        services.AddTrustedProxies(builder.Configuration);
        services.AddPlatformHealth();
        services.AddProblemDetails();
        services.AddExceptionHandler<DatabaseBusyHandler>();
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Yhdessä";
            document.Info.Description = "The open data of the Yhdessä network: events, materials, organisations, groups and open statistics. " +
                "No sign-in. See /api for examples.";
            document.Info.License = new Microsoft.OpenApi.OpenApiLicense { Name = "CC BY 4.0", Url = new Uri("https://creativecommons.org/licenses/by/4.0/") };
            return Task.CompletedTask;
        }));
        services.AddPublicPageCache();
        services.AddSingleton<Municipalities>();
        // Write ä, ö and å as characters, not as &#xE4; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(encoder =>
            encoder.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(30));

        var permitsPerMinute = builder.Configuration.GetValue("Yhdessa:RateLimits:AccountPermitsPerMinute", 10);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only submissions count: reading the form is free, guessing passwords is not.
            limiter.AddPolicy(AccountRateLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1) })
                : RateLimitPartition.GetNoLimiter("read"));
        });

        services.AddRazorPages(pages => pages.RootDirectory = "/Features")
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(localization =>
                localization.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedText)));
        services.Configure<RouteOptions>(routes => routes.LowercaseUrls = true);
        services.Configure<MvcOptions>(mvc =>
        {
            mvc.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            mvc.Filters.Add(new Yhdessa.Platform.Web.UnknownHandlerFilter());
        });

        if (!builder.Environment.IsDevelopment()) builder.Logging.AddJsonConsole();
        return builder;
    }

    /// <summary>The middleware, in its order, and the platform's own endpoints. The features map theirs after this and
    /// before <see cref="MapPlatformEndpoints"/>.</summary>
    public static WebApplication UsePlatform(this WebApplication app)
    {
        if (app.Environment.IsProduction() && !PublicAddress.IsConfigured(app.Configuration))
            app.Logger.LogWarning("Yhdessa:BaseUrl is not set: links in email and in the calendar feed point to {Address}. " +
                "Set it to the site's public address.", app.Services.GetRequiredService<IOptions<PlatformOptions>>().Value.BaseUrl);
        app.UseTrustedProxies();
        // The language is chosen before errors are handled, so that an error page speaks it too.
        app.UseLanguages();
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        // The API explorer (Swagger UI, its files inside the package) on the app's own OpenAPI document; /api tells
        // people what the API is and leads there.
        app.UseSwaggerUI(explorer =>
        {
            explorer.RoutePrefix = "api/explorer";
            explorer.SwaggerEndpoint("/openapi/v1.json", "Yhdessä v1");
            explorer.DocumentTitle = "Yhdessä – API";
        });
        app.UseRouting();
        // After authentication: the limits for visitors (guest registration, a visitor's need) let members through.
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseOutputCache();

        app.MapPlatformHealth();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapRazorPages();
        return app;
    }

    /// <summary>The endpoints mapped after the features': the language switch, the benchmark yardstick and, last,
    /// the not-found fallback.</summary>
    public static WebApplication MapPlatformEndpoints(this WebApplication app)
    {
        app.MapLanguageSwitch();
        app.MapBenchEndpoints();
        // An unknown address is "not found" for everyone, not a sign-in prompt from the deny-by-default policy.
        app.MapFallback(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).AllowAnonymous();
        return app;
    }
}
