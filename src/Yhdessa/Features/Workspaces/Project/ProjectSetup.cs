using Microsoft.Extensions.Localization;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Jobs;

namespace Yhdessa.Features.Workspaces.Project;

/// <summary>The multi-organisation project's own tools: sub-projects, the goal tree, work monitoring and the money.
/// They are added as tools of the project method; the workspace itself knows nothing of them.</summary>
public static class ProjectSetup
{
    public static IServiceCollection AddProjectMethod(this IServiceCollection services)
    {
        services.AddScoped<SubProjects>();
        services.AddScoped<Goals>();
        services.AddScoped<Reports>();
        services.AddScoped<Finances>();
        services.AddScoped<ProjectSheets>();
        services.AddWorkspaceTool<SubProjectsTool>();
        services.AddWorkspaceTool<GoalsTool>();
        services.AddWorkspaceTool<ReportsTool>();
        services.AddWorkspaceTool<FinancesTool>();
        services.AddRecurringJob<ReportReminderJob>();
        services.AddScoped<Yhdessa.Platform.Data.IDemoData, ProjectDemoData>();
        services.AddScoped<Surveys.ISurveyOwnerKind, ReportSurveyOwners>();
        return services;
    }
}

internal sealed class SubProjectsTool(IStringLocalizer<WorkspacesText> w) : IWorkspaceTool
{
    public int Order => 41;
    public bool AppliesTo(WorkspaceMethod method) => method == WorkspaceMethod.Project;
    public string Name => w["SubProjects"];
    public string Path => "subprojects";
}

internal sealed class GoalsTool(IStringLocalizer<WorkspacesText> w) : IWorkspaceTool
{
    public int Order => 42;
    public bool AppliesTo(WorkspaceMethod method) => method == WorkspaceMethod.Project;
    public string Name => w["GoalTree"];
    public string Path => "goals";
}

internal sealed class ReportsTool(IStringLocalizer<WorkspacesText> w) : IWorkspaceTool
{
    public int Order => 43;
    public bool AppliesTo(WorkspaceMethod method) => method == WorkspaceMethod.Project;
    public string Name => w["WorkMonitoring"];
    public string Path => "reports";
}

internal sealed class FinancesTool(IStringLocalizer<WorkspacesText> w) : IWorkspaceTool
{
    public int Order => 44;
    public bool AppliesTo(WorkspaceMethod method) => method == WorkspaceMethod.Project;
    public string Name => w["Finances"];
    public string Path => "finances";
}
