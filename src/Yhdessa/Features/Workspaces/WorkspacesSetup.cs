using Yhdessa.Features.My;
using Yhdessa.Features.Workspaces.Project;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Jobs;

namespace Yhdessa.Features.Workspaces;

/// <summary>Co-development workspaces: pilots, projects and Change Laboratories with their people, meetings, memos and actions.</summary>
public static class WorkspacesSetup
{
    public static WebApplicationBuilder AddWorkspaces(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<WorkspaceAccess>();
        services.AddScoped<WorkspaceCatalogue>();
        services.AddScoped<WorkspacePeople>();
        services.AddScoped<WorkspaceMeetings>();
        services.AddScoped<WorkspaceMail>();
        services.AddScoped<WorkspaceActivity>();
        services.AddSingleton<WorkspaceCalendar>();
        services.AddScoped<WorkspaceTools>();
        services.AddScoped<WorkspaceDocuments>();
        services.AddWorkspaceTool<MeetingsTool>();
        services.AddWorkspaceTool<DocumentsTool>();
        services.AddWorkspaceTool<YearTool>();
        services.AddWorkspaceTool<GroupsTool>();
        services.AddScoped<WorkspaceGroups>();
        services.AddScoped<WorkspaceYear>();
        services.AddWorkspaceTool<ActionsTool>();
        services.AddWorkspaceTool<PeopleTool>();
        services.AddRecurringJob<ActionReminderJob>();
        services.AddScoped<WorkspaceDigests>();
        services.AddRecurringJob<WeeklyDigestJob>();
        services.AddProjectMethod();
        services.AddScoped<IPersonalDataHolder, WorkspacesPersonalData>();
        services.AddScoped<IDemoData, WorkspacesDemoData>();
        services.AddMyPagePart<MyWorkspacesPart>();
        return builder;
    }

    /// <summary>The year clock's calendar feed: its secret address is the right to it, so it is open without signing in.</summary>
    public static IEndpointRouteBuilder MapWorkspaces(this IEndpointRouteBuilder app)
    {
        app.MapGet("/workspaces/calendar/{token}", async (string token, WorkspaceYear year, HttpContext http, CancellationToken cancellationToken) =>
            {
                if (await year.FeedAsync(token, cancellationToken) is not { } feed) return Results.NotFound();
                // Kept by this server (cleared by the workspace's changes), never by proxies: the address is a secret.
                PublicPages.AlsoTag(http, [WorkspaceYear.FeedTag(feed.WorkspaceId)]);
                http.Response.Headers.CacheControl = "private, no-store";
                return Results.Text(feed.Text, WorkspaceYear.ContentType);
            })
            .AllowAnonymous()
            .CacheOutput(PublicPages.SameForEveryonePolicy)
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>Adds a tool to the workspaces whose method it applies to (see <see cref="IWorkspaceTool"/>).</summary>
    public static IServiceCollection AddWorkspaceTool<T>(this IServiceCollection services) where T : class, IWorkspaceTool =>
        services.AddScoped<IWorkspaceTool, T>();
}
