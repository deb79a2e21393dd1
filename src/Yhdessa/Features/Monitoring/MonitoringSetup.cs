using Microsoft.AspNetCore.Authorization;
using Yhdessa.Features.Monitoring.Access;
using Yhdessa.Features.Monitoring.Dashboards;
using Yhdessa.Features.Monitoring.Import;
using Yhdessa.Features.Monitoring.Retention;
using Yhdessa.Features.Monitoring.Rounds;
using Yhdessa.Features.Monitoring.Statistics;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Jobs;

namespace Yhdessa.Features.Monitoring;

/// <summary>The policies of monitoring. Pages and endpoints name these; which rows a user sees is decided in one
/// place, <see cref="MonitoringAccess"/>, never per page.</summary>
public static class MonitoringPolicies
{
    /// <summary>Pseudonymous micro-data (stays, a unit's reports and statuses): coordinators, and reporters for their
    /// own units (the rows are filtered by <see cref="MonitoringAccess"/>). Needs two-step sign-in.</summary>
    public const string MicroData = "Monitoring.MicroData";

    /// <summary>Managing monitoring (units, services, reporters, rounds, accepting reports): coordinators with
    /// two-step sign-in.</summary>
    public const string Manage = "Monitoring.Manage";

    /// <summary>The monitoring landing page: coordinators and reporters, before two-step sign-in is on.</summary>
    public const string Participant = "Monitoring.Participant";
}

/// <summary>The monitoring feature: reporting units, services, stays, collection rounds, reports. The import,
/// statistics and dashboards parts add their own registrations here.</summary>
public static class MonitoringSetup
{
    public static WebApplicationBuilder AddMonitoring(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAuthorizationBuilder()
            .AddPolicy(MonitoringPolicies.Participant, p => p.RequireRole(Roles.Coordinator, Roles.Reporter))
            .AddPolicy(MonitoringPolicies.MicroData, p => p.RequireRole(Roles.Coordinator, Roles.Reporter)
                .AddRequirements(new TwoFactorRequirement()))
            .AddPolicy(MonitoringPolicies.Manage, p => p.RequireRole(Roles.Coordinator)
                .AddRequirements(new TwoFactorRequirement()));
        services.AddScoped<TwoStepSignIn>();
        services.Configure<Microsoft.AspNetCore.Identity.SecurityStampValidatorOptions>(TwoStepSignIn.KeepOnRenewal);
        services.AddScoped<IAuthorizationHandler, TwoFactorHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, TwoFactorRedirect>();
        services.AddScoped<MonitoringAccess>();
        services.AddScoped<IPersonalDataHolder, MonitoringPersonalData>();
        services.AddOptions<MonitoringOptions>().BindConfiguration("Yhdessa:Monitoring");
        services.AddScoped<RoundMail>();
        services.AddScoped<RoundWorkflow>();
        services.AddScoped<RoundReminders>();
        services.AddRecurringJob<RoundReminderJob>();
        services.AddScoped<IDemoData, Units.UnitsDemoData>();
        services.AddMonitoringImport();
        services.AddMonitoringStatistics();
        services.AddMonitoringDashboards();
        services.AddMonitoringRetention();
        return builder;
    }

    public static IEndpointRouteBuilder MapMonitoring(this IEndpointRouteBuilder app) => app.MapMonitoringStatistics();
}
