using Yhdessa.Features.My;
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
        services.AddWorkspaceTool<ActionsTool>();
        services.AddWorkspaceTool<PeopleTool>();
        services.AddRecurringJob<ActionReminderJob>();
        services.AddScoped<IPersonalDataHolder, WorkspacesPersonalData>();
        services.AddScoped<IDemoData, WorkspacesDemoData>();
        services.AddMyPagePart<MyWorkspacesPart>();
        return builder;
    }

    /// <summary>Adds a tool to the workspaces whose method it applies to (see <see cref="IWorkspaceTool"/>).</summary>
    public static IServiceCollection AddWorkspaceTool<T>(this IServiceCollection services) where T : class, IWorkspaceTool =>
        services.AddScoped<IWorkspaceTool, T>();
}
