using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Features.My;
using Yhdessa.Platform.Jobs;

namespace Yhdessa.Features.Events.Registration;

/// <summary>Marker for the registration texts (RegistrationText.fi/sv/en.resx).</summary>
public sealed class RegistrationText;

public static class RegistrationSetup
{
    /// <summary>Guests' registration submissions per client address and minute (members are not limited: they are known).</summary>
    public const string GuestRateLimit = "event-registration";

    public static IServiceCollection AddEventRegistration(this IServiceCollection services)
    {
        services.AddOptions<RegistrationOptions>().BindConfiguration("Yhdessa:Events");
        services.AddScoped<Registrations>();
        services.AddScoped<MyRegistrations>();
        services.AddMyPagePart<MyRegistrationsPart>();
        services.AddSingleton<EventTurns>();
        services.AddScoped<RegistrationMail>();
        services.AddScoped<RegistrationTokens>();
        services.AddScoped<RegistrationMaintenance>();
        services.AddRecurringJob<RegistrationJobs>();
        services.AddScoped<IPersonalDataHolder, RegistrationPersonalData>();
        services.AddScoped<IDemoData, RegistrationDemoData>();
        services.Configure<RateLimiterOptions>(limiter => limiter.AddPolicy(GuestRateLimit, context =>
            HttpMethods.IsPost(context.Request.Method) && context.User.Identity?.IsAuthenticated != true
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = context.RequestServices.GetRequiredService<IConfiguration>()
                            .GetValue("Yhdessa:RateLimits:RegistrationPermitsPerMinute", 20),
                        Window = TimeSpan.FromMinutes(1),
                    })
                : RateLimitPartition.GetNoLimiter("member-or-read")));
        return services;
    }
}
