using Microsoft.Extensions.Localization;
using Yhdessa.Features.Workspaces.Data;

namespace Yhdessa.Features.Workspaces;

/// <summary>
/// A tool of a workspace, shown on its page and in its menu. The common tools (meetings, actions, people) are
/// registered by this feature; a method adds its own (the project's goal tree and budgets, the pilot's service path)
/// with <see cref="WorkspacesSetup.AddWorkspaceTool{T}"/>, without changing the workspace itself. A tool's pages start
/// from <see cref="WorkspaceAccess"/> like every page of the workspace.
/// </summary>
public interface IWorkspaceTool
{
    /// <summary>Its order in the menu; the common tools take 10–30.</summary>
    int Order { get; }
    bool AppliesTo(WorkspaceMethod method);
    /// <summary>The tool's name in the reader's language.</summary>
    string Name { get; }
    /// <summary>The tool's address below <c>/workspaces/{slug}/</c>.</summary>
    string Path { get; }
}

internal sealed class MeetingsTool(IStringLocalizer<WorkspacesText> w) : IWorkspaceTool
{
    public int Order => 10;
    public bool AppliesTo(WorkspaceMethod method) => true;
    public string Name => w["Meetings"];
    public string Path => "meetings";
}

internal sealed class DocumentsTool(IStringLocalizer<WorkspacesText> w) : IWorkspaceTool
{
    public int Order => 15;
    public bool AppliesTo(WorkspaceMethod method) => true;
    public string Name => w["Documents"];
    public string Path => "documents";
}

internal sealed class YearTool(IStringLocalizer<WorkspacesText> w) : IWorkspaceTool
{
    public int Order => 25;
    public bool AppliesTo(WorkspaceMethod method) => true;
    public string Name => w["YearClock"];
    public string Path => "year";
}

/// <summary>A project's steering group and thematic groups: a tool of the project method only.</summary>
internal sealed class GroupsTool(IStringLocalizer<WorkspacesText> w) : IWorkspaceTool
{
    public int Order => 40;
    public bool AppliesTo(WorkspaceMethod method) => method == WorkspaceMethod.Project;
    public string Name => w["Groups"];
    public string Path => "groups";
}

internal sealed class ActionsTool(IStringLocalizer<WorkspacesText> w) : IWorkspaceTool
{
    public int Order => 20;
    public bool AppliesTo(WorkspaceMethod method) => true;
    public string Name => w["Actions"];
    public string Path => "actions";
}

internal sealed class PeopleTool(IStringLocalizer<WorkspacesText> w) : IWorkspaceTool
{
    public int Order => 30;
    public bool AppliesTo(WorkspaceMethod method) => true;
    public string Name => w["People"];
    public string Path => "people";
}

/// <summary>The tools of one workspace's method, in order.</summary>
public sealed class WorkspaceTools(IEnumerable<IWorkspaceTool> tools)
{
    public IReadOnlyList<IWorkspaceTool> For(WorkspaceMethod method) => [.. tools.Where(t => t.AppliesTo(method)).OrderBy(t => t.Order)];
}
