using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Razor.Compilation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Network.Data;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Tests.Account;
using Person = Yhdessa.Tests.Support.WebBrowser;


namespace Yhdessa.Tests.Platform;

[Collection("Platform on SQLite")]
public sealed class AccessMatrixOnSqlite(SqliteApp app) : AccessMatrixTests(app);
[Collection("Platform on PostgreSQL")]
public sealed class AccessMatrixOnPostgres(PostgresApp app) : AccessMatrixTests(app);

/// <summary>
/// Role × resource × action: every action that is not open to everybody, and who may take it. A visitor is sent
/// to sign in; a signed-in person without the right is refused (403); a person with the right gets past the
/// check (whatever the action then answers to the empty form the test sends). A new page or handler fails
/// <see cref="Every_protected_action_is_in_the_matrix"/> until it is placed here.
/// </summary>
public abstract partial class AccessMatrixTests(YhdessaApp app)
{
    /// <summary>Workspace: its participants (here the member, who takes part) and coordinators; WorkspaceLead: its leads
    /// and coordinators. Anyone else gets "not found", as for a workspace that does not exist.</summary>
    public enum Access { SignedIn, Coordinator, GroupAdmin, Monitoring, Workspace, WorkspaceLead }

    private const string GroupSlug = "matriisiryhma";
    private const string WorkspaceSlug = "matriisityotila";

    /// <summary>"METHOD route?handler=Name" → who may act. Routes as the endpoints declare them.</summary>
    private static readonly Dictionary<string, Access> Matrix = new()
    {
        ["GET account"] = Access.SignedIn,
        ["GET account/profile"] = Access.SignedIn,
        ["POST account/profile"] = Access.SignedIn,
        ["GET account/email"] = Access.SignedIn,
        ["POST account/email"] = Access.SignedIn,
        ["GET account/password"] = Access.SignedIn,
        ["POST account/password"] = Access.SignedIn,
        ["GET account/two-factor"] = Access.SignedIn,
        ["POST account/two-factor?handler=RecoveryCodes"] = Access.SignedIn,
        ["POST account/two-factor?handler=Disable"] = Access.SignedIn,
        ["GET account/two-factor/enable"] = Access.SignedIn,
        ["POST account/two-factor/enable"] = Access.SignedIn,
        ["GET account/my-data"] = Access.SignedIn,
        ["GET account/delete"] = Access.SignedIn,
        ["POST account/delete"] = Access.SignedIn,
        ["GET network/profile"] = Access.SignedIn,
        ["POST network/profile"] = Access.SignedIn,
        ["POST network/groups/{key}?handler=Join"] = Access.SignedIn,
        ["POST network/groups/{key}?handler=Request"] = Access.SignedIn,
        ["POST network/groups/{key}?handler=Leave"] = Access.SignedIn,
        ["POST network/groups/{key}?handler=Cancel"] = Access.SignedIn,
        ["POST network/groups/{key}?handler=Decide"] = Access.GroupAdmin,
        ["GET network/groups/new"] = Access.Coordinator,
        ["POST network/groups/new"] = Access.Coordinator,
        ["GET network/groups/{key}/edit"] = Access.Coordinator,
        ["POST network/groups/{key}/edit"] = Access.Coordinator,
        ["GET network/organisations/new"] = Access.Coordinator,
        ["POST network/organisations/new"] = Access.Coordinator,
        ["GET network/organisations/{key}/edit"] = Access.Coordinator,
        ["POST network/organisations/{key}/edit"] = Access.Coordinator,
        ["GET admin"] = Access.Coordinator,
        ["GET admin/people"] = Access.Coordinator,
        ["GET admin/people/{id}"] = Access.Coordinator,
        ["POST admin/people/{id}?handler=Roles"] = Access.Coordinator,
        ["POST admin/people/{id}?handler=Disable"] = Access.Coordinator,
        ["POST admin/people/{id}?handler=Enable"] = Access.Coordinator,
        ["GET admin/outbox"] = Access.Coordinator,
        ["GET admin/outbox/{id:long}"] = Access.Coordinator,
        ["GET admin/audit"] = Access.Coordinator,
        ["GET admin/jobs"] = Access.Coordinator,
        ["GET events/new"] = Access.Coordinator,
        ["POST events/new"] = Access.Coordinator,
        ["GET events/{key}/edit"] = Access.Coordinator,
        ["POST events/{key}/edit"] = Access.Coordinator,
        ["GET events/{key}/cancel"] = Access.Coordinator,
        ["POST events/{key}/cancel"] = Access.Coordinator,
        ["GET events/{key}/materials"] = Access.Coordinator,
        ["POST events/{key}/materials"] = Access.Coordinator,
        ["GET events/themes"] = Access.Coordinator,
        ["POST events/themes"] = Access.Coordinator,
        ["GET events/series"] = Access.Coordinator,
        ["POST events/series"] = Access.Coordinator,
        ["GET events/my"] = Access.SignedIn,
        ["GET events/{key}/registration"] = Access.Coordinator,
        ["POST events/{key}/registration"] = Access.Coordinator,
        ["POST events/{key}/registration?handler=AddQuestion"] = Access.Coordinator,
        ["POST events/{key}/registration?handler=RemoveQuestion"] = Access.Coordinator,
        ["GET events/{key}/approvals"] = Access.Coordinator,
        ["POST events/{key}/approvals?handler=Approve"] = Access.Coordinator,
        ["POST events/{key}/approvals?handler=Decline"] = Access.Coordinator,
        // A person's own page, and the survey she was invited to, opened from it (refused inside for anyone else's).
        ["GET my"] = Access.SignedIn,
        ["GET surveys/{id:int}/mine"] = Access.SignedIn,
        ["POST surveys/{id:int}/mine"] = Access.SignedIn,
        ["GET surveys"] = Access.Coordinator,
        ["GET surveys/new"] = Access.Coordinator,
        ["POST surveys/new"] = Access.Coordinator,
        ["GET surveys/{id:int}"] = Access.Coordinator,
        ["POST surveys/{id:int}"] = Access.Coordinator,
        ["POST surveys/{id:int}?handler=Open"] = Access.Coordinator,
        ["POST surveys/{id:int}?handler=Close"] = Access.Coordinator,
        ["POST surveys/{id:int}?handler=Add"] = Access.Coordinator,
        ["POST surveys/{id:int}?handler=Move"] = Access.Coordinator,
        ["POST surveys/{id:int}?handler=Remove"] = Access.Coordinator,
        ["POST surveys/{id:int}?handler=Invite"] = Access.Coordinator,
        ["GET surveys/{id:int}/questions/{questionId:int}"] = Access.Coordinator,
        ["POST surveys/{id:int}/questions/{questionId:int}"] = Access.Coordinator,
        ["GET surveys/{id:int}/results"] = Access.Coordinator,
        ["GET surveys/{id:int}/results?handler=Export"] = Access.Coordinator,
        ["POST surveys/{id:int}/results?handler=Remind"] = Access.Coordinator,
        ["GET events/{key}/participants"] = Access.Coordinator,
        ["GET events/{key}/participants?handler=Export"] = Access.Coordinator,
        ["POST events/{key}/participants?handler=Attendance"] = Access.Coordinator,
        ["POST events/{key}/participants?handler=RestNoShow"] = Access.Coordinator,
        ["POST events/{key}/participants?handler=PrepareFeedback"] = Access.Coordinator,
        ["GET events/{key}/check-in"] = Access.Coordinator,
        ["POST events/{key}/check-in?handler=CheckIn"] = Access.Coordinator,
        ["POST events/{key}/check-in?handler=Undo"] = Access.Coordinator,
        ["GET events/{key}/certificate"] = Access.SignedIn,
        ["GET events/certificates"] = Access.SignedIn,
        // Feedback results: coordinators and the small expert team (none of the matrix's people is in the team).
        ["GET events/feedback"] = Access.Coordinator,
        ["GET events/{key}/feedback"] = Access.Coordinator,
        ["GET events/{key}/feedback?handler=Export"] = Access.Coordinator,
        // Materials: members propose and edit their own drafts (refused inside for others' materials); coordinators publish.
        ["POST needs/{id:int}?handler=Support"] = Access.SignedIn,
        ["POST needs/{id:int}?handler=Withdraw"] = Access.SignedIn,
        ["POST needs/{id:int}?handler=Follow"] = Access.SignedIn,
        ["POST needs/{id:int}?handler=Unfollow"] = Access.SignedIn,
        ["POST needs/{id:int}?handler=Move"] = Access.Coordinator,
        ["POST needs/{id:int}?handler=LinkAnswer"] = Access.Coordinator,
        ["POST needs/{id:int}?handler=UnlinkAnswer"] = Access.Coordinator,
        ["POST needs/{id:int}?handler=Assign"] = Access.Coordinator,
        ["POST needs/{id:int}?handler=Note"] = Access.Coordinator,
        ["GET needs/triage-groups"] = Access.Coordinator,
        ["GET needs/plan"] = Access.Coordinator,
        ["GET needs/plan?handler=Export"] = Access.Coordinator,
        ["POST needs/plan"] = Access.Coordinator,
        ["GET needs/feedback"] = Access.Coordinator,
        ["POST needs/feedback?handler=Raise"] = Access.Coordinator,
        ["POST needs/feedback?handler=AddTo"] = Access.Coordinator,
        ["POST needs/triage-groups"] = Access.Coordinator,
        // News: coordinators write and publish.
        ["GET news/new"] = Access.Coordinator,
        ["POST news/new"] = Access.Coordinator,
        ["GET news/{slug}/edit"] = Access.Coordinator,
        ["POST news/{slug}/edit"] = Access.Coordinator,
        // Newsletter items: members write their own (another's is not found); the queue is the editors' (coordinators and the groups they name).
        ["GET newsletter/items"] = Access.SignedIn,
        ["GET newsletter/items/new"] = Access.SignedIn,
        ["POST newsletter/items/new"] = Access.SignedIn,
        ["GET newsletter/items/{id:int}/edit"] = Access.SignedIn,
        ["POST newsletter/items/{id:int}/edit"] = Access.SignedIn,
        ["GET newsletter/queue"] = Access.Coordinator,
        ["POST newsletter/queue?handler=Decide"] = Access.Coordinator,
        ["GET newsletter/editor-groups"] = Access.Coordinator,
        ["POST newsletter/editor-groups"] = Access.Coordinator,
        // Newsletter issues: coordinators compose, preview, test, schedule, send and follow the sending.
        ["GET newsletter/issues"] = Access.Coordinator,
        ["POST newsletter/issues"] = Access.Coordinator,
        ["POST newsletter/issues?handler=Retry"] = Access.Coordinator,
        ["GET newsletter/issues/{id:int}"] = Access.Coordinator,
        ["POST newsletter/issues/{id:int}?handler=Save"] = Access.Coordinator,
        ["POST newsletter/issues/{id:int}?handler=AddItem"] = Access.Coordinator,
        ["POST newsletter/issues/{id:int}?handler=AddText"] = Access.Coordinator,
        ["POST newsletter/issues/{id:int}?handler=Move"] = Access.Coordinator,
        ["POST newsletter/issues/{id:int}?handler=Remove"] = Access.Coordinator,
        ["POST newsletter/issues/{id:int}?handler=Test"] = Access.Coordinator,
        ["POST newsletter/issues/{id:int}?handler=Schedule"] = Access.Coordinator,
        ["POST newsletter/issues/{id:int}?handler=Unschedule"] = Access.Coordinator,
        ["POST newsletter/issues/{id:int}?handler=Send"] = Access.Coordinator,
        ["POST newsletter/issues/{id:int}?handler=Delete"] = Access.Coordinator,
        ["GET newsletter/issues/{id:int}/progress"] = Access.Coordinator,
        ["GET newsletter/issues/{id:int}/progress?handler=Figures"] = Access.Coordinator,
        ["GET newsletter/issues/{id:int}/web/{language}"] = Access.Coordinator,
        ["GET materials/new"] = Access.SignedIn,
        ["POST materials/new"] = Access.SignedIn,
        ["POST materials/new?handler=Find"] = Access.SignedIn,
        ["GET materials/drafts"] = Access.SignedIn,
        ["GET materials/{slug}/edit"] = Access.SignedIn,
        ["POST materials/{slug}/edit"] = Access.SignedIn,
        ["POST materials/{slug}/edit?handler=Find"] = Access.SignedIn,
        ["GET materials/{slug}/files"] = Access.SignedIn,
        ["POST materials/{slug}/files"] = Access.SignedIn,
        ["POST materials/{slug}/files?handler=Remove"] = Access.SignedIn,
        ["POST materials/{slug}/files?handler=Audio"] = Access.SignedIn,
        ["POST materials/{slug}/files?handler=Delete"] = Access.Coordinator,
        ["POST materials/{slug}?handler=Propose"] = Access.SignedIn,
        ["POST materials/{slug}?handler=Publish"] = Access.Coordinator,
        ["POST materials/{slug}?handler=Return"] = Access.Coordinator,
        ["POST materials/{slug}?handler=Delete"] = Access.SignedIn,
        ["GET admin/search-index"] = Access.Coordinator,
        ["POST admin/search-index?handler=Rebuild"] = Access.Coordinator,
        // Monitoring: coordinators and reporters (rows filtered to the reporter's units inside); managing is coordinators'.
        ["GET monitoring"] = Access.Monitoring,
        ["GET monitoring/two-factor"] = Access.SignedIn,
        ["POST monitoring/two-factor?handler=SignInAgain"] = Access.SignedIn,
        ["GET monitoring/units"] = Access.Monitoring,
        ["GET monitoring/units/new"] = Access.Coordinator,
        ["POST monitoring/units/new"] = Access.Coordinator,
        ["GET monitoring/units/{id:int}"] = Access.Monitoring,
        ["POST monitoring/units/{id:int}"] = Access.Monitoring,
        ["GET monitoring/units/{id:int}/reporters"] = Access.Coordinator,
        ["POST monitoring/units/{id:int}/reporters"] = Access.Coordinator,
        ["POST monitoring/units/{id:int}/reporters?handler=Remove"] = Access.Coordinator,
        ["GET monitoring/units/{id:int}/services/new"] = Access.Coordinator,
        ["POST monitoring/units/{id:int}/services/new"] = Access.Coordinator,
        ["GET monitoring/units/{id:int}/edit"] = Access.Coordinator,
        ["POST monitoring/units/{id:int}/edit"] = Access.Coordinator,
        ["GET monitoring/units/{id:int}/services/{serviceId:int}"] = Access.Coordinator,
        ["POST monitoring/units/{id:int}/services/{serviceId:int}"] = Access.Coordinator,
        ["GET monitoring/rounds"] = Access.Coordinator,
        ["GET monitoring/rounds/new"] = Access.Coordinator,
        ["POST monitoring/rounds/new"] = Access.Coordinator,
        ["GET monitoring/rounds/{id:int}"] = Access.Coordinator,
        ["POST monitoring/rounds/{id:int}"] = Access.Coordinator,
        ["POST monitoring/rounds/{id:int}?handler=Accept"] = Access.Coordinator,
        ["POST monitoring/rounds/{id:int}?handler=Return"] = Access.Coordinator,
        ["POST monitoring/rounds/{id:int}?handler=Close"] = Access.Coordinator,
        ["POST monitoring/rounds/{id:int}?handler=Reopen"] = Access.Coordinator,
        ["GET monitoring/report/{roundId:int}/{unitId:int}"] = Access.Monitoring,
        ["POST monitoring/report/{roundId:int}/{unitId:int}"] = Access.Monitoring,
        ["POST monitoring/report/{roundId:int}/{unitId:int}?handler=Submit"] = Access.Monitoring,
        ["GET monitoring/report/{roundId:int}/{unitId:int}/stays/new"] = Access.Monitoring,
        ["POST monitoring/report/{roundId:int}/{unitId:int}/stays/new"] = Access.Monitoring,
        ["GET monitoring/report/{roundId:int}/{unitId:int}/stays/{stayId:int}"] = Access.Monitoring,
        ["POST monitoring/report/{roundId:int}/{unitId:int}/stays/{stayId:int}"] = Access.Monitoring,
        ["GET monitoring/report/{roundId:int}/{unitId:int}/stays/{stayId:int}/delete"] = Access.Monitoring,
        ["POST monitoring/report/{roundId:int}/{unitId:int}/stays/{stayId:int}/delete"] = Access.Monitoring,
        ["GET monitoring/report/{roundId:int}/{unitId:int}/counts"] = Access.Monitoring,
        ["POST monitoring/report/{roundId:int}/{unitId:int}/counts"] = Access.Monitoring,
        ["GET monitoring/survey/{unitId:int}/{year:int}"] = Access.Monitoring,
        ["POST monitoring/survey/{unitId:int}/{year:int}"] = Access.Monitoring,
        // Monitoring import: reporters (for their own units, checked inside) and coordinators.
        ["GET monitoring/import"] = Access.Monitoring,
        ["POST monitoring/import"] = Access.Monitoring,
        ["POST monitoring/import?handler=Report"] = Access.Monitoring,
        ["GET monitoring/import?handler=Template"] = Access.Monitoring,
        // Monitoring dashboards: protected figures for every member; what an export holds unprotected is decided inside.
        ["GET monitoring/dashboards"] = Access.SignedIn,
        ["GET monitoring/dashboards?handler=Export"] = Access.SignedIn,
        // Workspaces: a coordinator creates them; everything inside is its participants' (managing it, its leads').
        ["GET workspaces/new"] = Access.Coordinator,
        ["POST workspaces/new"] = Access.Coordinator,
        ["GET workspaces/actions"] = Access.SignedIn,
        ["POST workspaces/actions"] = Access.Workspace,
        ["GET workspaces/{slug}/settings"] = Access.WorkspaceLead,
        ["POST workspaces/{slug}/settings"] = Access.WorkspaceLead,
        ["POST workspaces/{slug}/settings?handler=LinkNeed"] = Access.WorkspaceLead,
        ["POST workspaces/{slug}/settings?handler=UnlinkNeed"] = Access.WorkspaceLead,
        ["GET workspaces/{slug}/people"] = Access.Workspace,
        ["POST workspaces/{slug}/people?handler=Invite"] = Access.WorkspaceLead,
        ["POST workspaces/{slug}/people?handler=Change"] = Access.WorkspaceLead,
        ["POST workspaces/{slug}/people?handler=Remove"] = Access.WorkspaceLead,
        ["POST workspaces/{slug}/people?handler=Cancel"] = Access.WorkspaceLead,
        ["GET workspaces/{slug}/meetings"] = Access.Workspace,
        ["POST workspaces/{slug}/meetings"] = Access.Workspace,
        ["GET workspaces/{slug}/meetings/{id:int}"] = Access.Workspace,
        ["GET workspaces/{slug}/meetings/{id:int}?handler=Ics"] = Access.Workspace,
        ["GET workspaces/{slug}/meetings/{id:int}?handler=Pdf"] = Access.Workspace,
        ["POST workspaces/{slug}/meetings/{id:int}?handler=Edit"] = Access.Workspace,
        ["POST workspaces/{slug}/meetings/{id:int}?handler=Invite"] = Access.Workspace,
        ["POST workspaces/{slug}/meetings/{id:int}?handler=Memo"] = Access.Workspace,
        ["POST workspaces/{slug}/meetings/{id:int}?handler=Decision"] = Access.Workspace,
        ["POST workspaces/{slug}/meetings/{id:int}?handler=RemoveDecision"] = Access.Workspace,
        ["POST workspaces/{slug}/meetings/{id:int}?handler=Action"] = Access.Workspace,
        ["POST workspaces/{slug}/meetings/{id:int}?handler=Done"] = Access.Workspace,
        ["POST workspaces/{slug}/meetings/{id:int}?handler=Approve"] = Access.WorkspaceLead,
        ["GET workspaces/{slug}/actions"] = Access.Workspace,
        ["POST workspaces/{slug}/actions"] = Access.Workspace,
        ["POST workspaces/{slug}/actions?handler=Done"] = Access.Workspace,
        ["POST workspaces/{slug}?handler=Digest"] = Access.Workspace,
        ["GET workspaces/{slug}/year"] = Access.Workspace,
        ["POST workspaces/{slug}/year"] = Access.Workspace,
        ["POST workspaces/{slug}/year?handler=Remove"] = Access.Workspace,
        ["POST workspaces/{slug}/year?handler=Feed"] = Access.WorkspaceLead,
        ["POST workspaces/{slug}/year?handler=NetworkEvents"] = Access.WorkspaceLead,
        ["GET workspaces/{slug}/groups"] = Access.Workspace,
        ["POST workspaces/{slug}/groups"] = Access.WorkspaceLead,
        ["POST workspaces/{slug}/groups?handler=Remove"] = Access.WorkspaceLead,
        ["GET workspaces/{slug}/documents"] = Access.Workspace,
        ["POST workspaces/{slug}/documents"] = Access.Workspace,
        ["GET workspaces/{slug}/documents/{id:int}"] = Access.Workspace,
        ["GET workspaces/{slug}/documents/{id:int}?handler=File"] = Access.Workspace,
        ["POST workspaces/{slug}/documents/{id:int}?handler=Version"] = Access.Workspace,
        ["POST workspaces/{slug}/documents/{id:int}?handler=Offer"] = Access.WorkspaceLead,
        ["GET workspaces/{slug}/subprojects"] = Access.Workspace,
        ["POST workspaces/{slug}/subprojects"] = Access.WorkspaceLead,
        ["POST workspaces/{slug}/subprojects?handler=Remove"] = Access.WorkspaceLead,
        ["GET workspaces/{slug}/goals"] = Access.Workspace,
        ["GET workspaces/{slug}/goals?handler=Xlsx"] = Access.Workspace,
        ["POST workspaces/{slug}/goals?handler=Goal"] = Access.WorkspaceLead,
        ["POST workspaces/{slug}/goals?handler=Remove"] = Access.WorkspaceLead,
        ["POST workspaces/{slug}/goals?handler=Indicator"] = Access.WorkspaceLead,
        ["POST workspaces/{slug}/goals?handler=Value"] = Access.Workspace,
        ["GET workspaces/{slug}/reports"] = Access.Workspace,
        ["POST workspaces/{slug}/reports"] = Access.WorkspaceLead,
        ["GET workspaces/{slug}/reports/{round:int}/{subproject:int}"] = Access.Workspace,
        // A sub-project's report is sent by its own people (the matrix's member is not one of them) and the project's leads.
        ["POST workspaces/{slug}/reports/{round:int}/{subproject:int}"] = Access.WorkspaceLead,
        ["GET workspaces/{slug}/finances"] = Access.Workspace,
        ["GET workspaces/{slug}/finances?handler=Xlsx"] = Access.Workspace,
        ["GET workspaces/{slug}/finances/{subProjectId:int}"] = Access.Workspace,
        ["GET workspaces/{slug}/finances/{subProjectId:int}?handler=Template"] = Access.Workspace,
        ["POST workspaces/{slug}/finances/{subProjectId:int}?handler=Budget"] = Access.WorkspaceLead,
        // Costs are entered by the sub-project's own people and the project's leads.
        ["POST workspaces/{slug}/finances/{subProjectId:int}?handler=Cost"] = Access.WorkspaceLead,
        ["POST workspaces/{slug}/finances/{subProjectId:int}?handler=RemoveCost"] = Access.WorkspaceLead,
        ["POST workspaces/{slug}/finances/{subProjectId:int}?handler=Import"] = Access.WorkspaceLead,
    };

    /// <summary>Handlers of public pages that act for a signed-in person: the page is open, the action is not.</summary>
    private static readonly HashSet<string> ProtectedHandlersOnPublicPages =
        Matrix.Keys.Where(k => k.StartsWith("POST network/groups/{key}?") || k.StartsWith("POST materials/{slug}?") || k.StartsWith("POST needs/{id:int}?")
            || k.StartsWith("POST workspaces/{slug}?")).ToHashSet();

    [Fact]
    public void Every_protected_action_is_in_the_matrix()
    {
        var actions = PageActions().Where(a => !a.Anonymous || ProtectedHandlersOnPublicPages.Contains(a.Key))
            .Select(a => a.Key).ToHashSet();

        Assert.True(actions.SetEquals(Matrix.Keys),
            "Not in the matrix: " + string.Join(", ", actions.Except(Matrix.Keys)) +
            "; in the matrix but no such action: " + string.Join(", ", Matrix.Keys.Except(actions)));
    }

    public static TheoryData<string> Keys() => [.. Matrix.Keys];

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task A_visitor_is_sent_to_sign_in(string action)
    {
        var visitor = Person.Open(app, followRedirects: false);
        var response = await SendAsync(visitor, action, await TokenAsync(visitor, "/account/sign-in"), await WorkspaceAsync());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.OriginalString.Replace("http://localhost", ""));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task Each_role_gets_exactly_its_rights(string action)
    {
        await SetUpAsync();
        var workspace = await WorkspaceAsync();
        foreach (var role in new[] { Roles.Member, Roles.Reporter, Roles.Coordinator })
        {
            var person = await SignedInAsync(role);
            var response = await SendAsync(person, action, await TokenAsync(person, "/account"), workspace);
            var access = Matrix[action];
            var allowed = access == Access.SignedIn || role == Roles.Coordinator
                || access == Access.Monitoring && role == Roles.Reporter
                || access == Access.Workspace && role == Roles.Member;
            // A workspace is "not found" for someone who does not take part in it: its existence is not told.
            var refused = response.StatusCode == HttpStatusCode.Forbidden
                || response.StatusCode == HttpStatusCode.NotFound && access is Access.Workspace or Access.WorkspaceLead
                || response.Headers.Location?.OriginalString is { } to && (to.Contains("/account/sign-in") || to.Contains("/account/access-denied"));

            Assert.True(allowed != refused, $"{role}: {action} answered {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    private sealed record PageAction(string Key, bool Anonymous);

    /// <summary>Every GET and POST handler of every page, from the compiled pages themselves.</summary>
    private IEnumerable<PageAction> PageActions()
    {
        _ = app.CreateClient();
        var pages = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(x => x.Page is not null)
            .ToList();
        var feature = new ViewsFeature();
        app.Services.GetRequiredService<ApplicationPartManager>().PopulateFeature(feature);
        foreach (var (endpoint, page) in pages)
        {
            var view = feature.ViewDescriptors.Single(v => v.RelativePath == page!.RelativePath);
            var model = view.Type!.GetProperty("Model")!.PropertyType;
            var route = endpoint.RoutePattern.RawText!.TrimStart('/');
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            foreach (var method in model.GetMethods().Select(m => HandlerPattern().Match(m.Name)).Where(m => m.Success))
            {
                var handler = method.Groups["handler"].Value;
                yield return new PageAction(
                    $"{method.Groups["verb"].Value.ToUpperInvariant()} {route}{(handler.Length > 0 ? "?handler=" + handler : "")}",
                    anonymous);
            }
        }
    }

    [GeneratedRegex("^On(?<verb>Get|Post)(?<handler>[A-Za-z]*?)(Async)?$")]
    private static partial Regex HandlerPattern();

    private static async Task<HttpResponseMessage> SendAsync(Person person, string action, string token, MatrixWorkspace workspace)
    {
        var (verb, target) = (action[..action.IndexOf(' ')], action[(action.IndexOf(' ') + 1)..]);
        // A workspace's pages act on its real records, so that a participant gets past the check: the meeting is one
        // whose memo is approved, so its forms change nothing.
        if (target.StartsWith("workspaces/"))
            target = target.Replace("{slug}", WorkspaceSlug).Replace("documents/{id:int}", "documents/" + workspace.Document)
                .Replace("{id:int}", workspace.Meeting.ToString()).Replace("?handler=File", "?handler=File&number=1")
                .Replace("{subProjectId:int}", workspace.SubProject.ToString()).Replace("{subproject:int}", workspace.SubProject.ToString())
                .Replace("{round:int}", workspace.Round.ToString());
        var url = "/" + target.Replace("{key}", GroupSlug).Replace("{id:long}", "999999").Replace("{id:int}", "999999").Replace("{questionId:int}", "1")
            .Replace("{roundId:int}", "999999").Replace("{unitId:int}", "999999").Replace("{stayId:int}", "999999").Replace("{serviceId:int}", "999999").Replace("{year:int}", "2025").Replace("{id}", "tuntematon").Replace("{language}", "fi");
        var client = person.Client;
        return verb == "GET"
            ? await client.GetAsync(url)
            : await client.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. FormFor(action, workspace)]));
    }

    // The least a form must carry for the action to reach its rights check (otherwise it is refused as malformed).
    private static KeyValuePair<string, string>[] FormFor(string action, MatrixWorkspace workspace) => action switch
    {
        _ when action.EndsWith("?handler=Decide") => [new("userId", "tuntematon"), new("decision", "Approve")],
        _ when action.StartsWith("POST workspaces/") && action.EndsWith("?handler=Done") || action == "POST workspaces/actions" =>
            [new("workspace", WorkspaceSlug), new("action", workspace.Action.ToString()), new("done", "true")],
        _ when action.EndsWith("people?handler=Change") => [new("participant", workspace.Lead.ToString()), new("revision", "-1"), new("role", "Lead")],
        _ when action.EndsWith("people?handler=Remove") => [new("participant", workspace.Lead.ToString())],
        _ when action.EndsWith("people?handler=Cancel") => [new("invitation", workspace.Invitation.ToString())],
        _ when action.EndsWith("?handler=RemoveDecision") => [new("decision", workspace.Decision.ToString())],
        _ when action.EndsWith("groups?handler=Remove") => [new("group", workspace.Group.ToString())],
        _ when action.EndsWith("subprojects?handler=Remove") => [new("subProject", workspace.SubProject.ToString())],
        _ when action.EndsWith("goals?handler=Remove") => [new("goal", workspace.Goal.ToString())],
        _ when action.EndsWith("?handler=RemoveCost") => [new("cost", workspace.Cost.ToString())],
        _ => [],
    };

    /// <summary>The ids of the matrix's workspace: a lead's participation (the only lead, so removing her is refused),
    /// an invitation, a held meeting with an approved memo, its decision and an action.</summary>
    private sealed record MatrixWorkspace(int Lead, int Invitation, int Meeting, int Decision, int Action, int Document, int Group,
        int SubProject, int Round, int Goal, int Cost);

    /// <summary>The workspace the matrix acts on, with the member person as a participant; made again where a case used it up.</summary>
    private Task<MatrixWorkspace> WorkspaceAsync() => app.WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<YhdessaDb>();
        var now = DateTimeOffset.UtcNow;
        var workspace = await db.Workspaces.FirstOrDefaultAsync(w => w.Slug == WorkspaceSlug);
        if (workspace is null)
        {
            var leadEmail = $"matriisi-vetaja-{Guid.NewGuid():N}@example.fi";
            var leadId = await app.CreateUserAsync(leadEmail, "matriisin salasana kesällä", Roles.Member);
            workspace = new Workspace { Slug = WorkspaceSlug, Name = "Matriisityötila", Purpose = "Oikeuksien testi", CreatedAt = now, UpdatedAt = now };
            db.Workspaces.Add(workspace);
            await db.SaveChangesAsync();
            db.WorkspaceParticipants.Add(new WorkspaceParticipant { WorkspaceId = workspace.Id, UserId = leadId, Role = WorkspaceRole.Lead, JoinedAt = now });
            var meeting = new WorkspaceMeeting
            {
                WorkspaceId = workspace.Id, Title = "Pidetty kokous", StartsAt = now.AddDays(-7), EndsAt = now.AddDays(-7).AddHours(1), CreatedAt = now,
                MemoApprovedAt = now.AddDays(-6),
            };
            db.WorkspaceMeetings.Add(meeting);
            await db.SaveChangesAsync();
            db.WorkspaceDecisions.Add(new WorkspaceDecision { MeetingId = meeting.Id, Text = "Päätös", CreatedAt = now });
            db.WorkspaceActions.Add(new WorkspaceAction { WorkspaceId = workspace.Id, Text = "Tehtävä", OwnerId = leadId, DueOn = DateOnly.FromDateTime(now.Date).AddDays(30), CreatedAt = now });
            var stored = Guid.NewGuid().ToString("N") + ".pdf";
            await using (var pdf = new MemoryStream(Yhdessa.Features.Materials.Files.SimplePdf.Create("Asiakirja", "Sisältö")))
                await services.GetRequiredService<Yhdessa.Features.Materials.Files.IFileStore>().SaveAsync(stored, pdf, default);
            db.WorkspaceDocuments.Add(new WorkspaceDocument
            {
                WorkspaceId = workspace.Id, Title = "Asiakirja", CreatedAt = now, UpdatedAt = now,
                Versions = [new WorkspaceDocumentVersion { Number = 1, FileName = "asiakirja.pdf", StoredName = stored, ContentType = "application/pdf", Size = 1, AddedAt = now }],
            });
            await db.SaveChangesAsync();
        }
        if (!await db.WorkspaceInvitations.AnyAsync(i => i.WorkspaceId == workspace.Id))
        {
            db.WorkspaceInvitations.Add(new WorkspaceInvitation
            {
                WorkspaceId = workspace.Id, Email = "kutsuttu@example.fi", NormalizedEmail = "KUTSUTTU@EXAMPLE.FI", Role = WorkspaceRole.Member,
                TokenHash = Guid.NewGuid().ToString("N"), CreatedAt = now, ExpiresAt = now.AddDays(30),
            });
            await db.SaveChangesAsync();
        }
        if (!await db.WorkspaceGroups.AnyAsync(g => g.WorkspaceId == workspace.Id))
        {
            db.WorkspaceGroups.Add(new WorkspaceGroup { WorkspaceId = workspace.Id, Name = "Ohjausryhmä", Kind = WorkspaceGroupKind.Steering, CreatedAt = now });
            await db.SaveChangesAsync();
        }
        // The member takes part; the reporter does not.
        await SignedInAsync(Roles.Member);
        var memberId = await db.Users.Where(u => u.Email == MemberEmails[app]).Select(u => u.Id).SingleAsync();
        if (!await db.WorkspaceParticipants.AnyAsync(p => p.WorkspaceId == workspace.Id && p.UserId == memberId))
        {
            db.WorkspaceParticipants.Add(new WorkspaceParticipant { WorkspaceId = workspace.Id, UserId = memberId, Role = WorkspaceRole.Member, JoinedAt = now });
            await db.SaveChangesAsync();
        }
        // The project's own records: a sub-project with a budget (so removing it is refused, not done), a round waiting
        // for its report, a goal and a cost (both made again when a case removed them).
        var subProject = await db.WorkspaceSubProjects.Where(s => s.WorkspaceId == workspace.Id).Select(s => (int?)s.Id).SingleOrDefaultAsync() ?? 0;
        if (subProject == 0)
        {
            var organisation = await db.Organisations.Select(o => (int?)o.Id).FirstOrDefaultAsync();
            if (organisation is null)
            {
                var o = new Yhdessa.Features.Network.Data.Organisation { Slug = "matriisiyhdistys", CreatedAt = now, UpdatedAt = now };
                o.SetNames("Matriisiyhdistys", null, null);
                db.Organisations.Add(o);
                await db.SaveChangesAsync();
                organisation = o.Id;
            }
            var sub = new WorkspaceSubProject { WorkspaceId = workspace.Id, Name = "Matriisin osahanke", OrganisationId = organisation.Value, CreatedAt = now };
            db.WorkspaceSubProjects.Add(sub);
            await db.SaveChangesAsync();
            subProject = sub.Id;
            db.WorkspaceBudgets.Add(new WorkspaceBudget { WorkspaceId = workspace.Id, SubProjectId = subProject, StartsOn = new DateOnly(2026, 1, 1), EndsOn = new DateOnly(2026, 12, 31), Personnel = 1000 });
            var survey = new Yhdessa.Features.Surveys.Data.Survey { OwnerKind = "workspace-report", OwnerId = "0", TitleFi = "Työn seuranta", CreatedAt = now, Questions = Yhdessa.Features.Workspaces.Project.Reports.FormTemplate() };
            db.Surveys.Add(survey);
            await db.SaveChangesAsync();
            var newRound = new WorkspaceReportRound { WorkspaceId = workspace.Id, Period = "Q1/2026", EndsOn = new DateOnly(2026, 3, 31), DueOn = new DateOnly(2026, 4, 15), SurveyId = survey.Id, CreatedAt = now };
            db.WorkspaceReportRounds.Add(newRound);
            await db.SaveChangesAsync();
            db.WorkspaceReports.Add(new WorkspaceReport { RoundId = newRound.Id, SubProjectId = subProject });
            await db.SaveChangesAsync();
        }
        var round = await db.WorkspaceReportRounds.Where(r => r.WorkspaceId == workspace.Id).Select(r => r.Id).SingleAsync();
        if (!await db.WorkspaceGoals.AnyAsync(g => g.WorkspaceId == workspace.Id))
            db.WorkspaceGoals.Add(new WorkspaceGoal { WorkspaceId = workspace.Id, Title = "Matriisin tavoite" });
        if (!await db.WorkspaceCosts.AnyAsync(c => c.WorkspaceId == workspace.Id))
            db.WorkspaceCosts.Add(new WorkspaceCost { WorkspaceId = workspace.Id, SubProjectId = subProject, Month = new DateOnly(2026, 1, 1), Amount = 10, EnteredAt = now });
        await db.SaveChangesAsync();
        var meetingId = await db.WorkspaceMeetings.Where(m => m.WorkspaceId == workspace.Id).Select(m => m.Id).SingleAsync();
        return new MatrixWorkspace(
            await db.WorkspaceParticipants.Where(p => p.WorkspaceId == workspace.Id && p.Role == WorkspaceRole.Lead).Select(p => p.Id).SingleAsync(),
            await db.WorkspaceInvitations.Where(i => i.WorkspaceId == workspace.Id).Select(i => i.Id).SingleAsync(),
            meetingId,
            await db.WorkspaceDecisions.Where(d => d.MeetingId == meetingId).Select(d => d.Id).SingleAsync(),
            await db.WorkspaceActions.Where(a => a.WorkspaceId == workspace.Id).Select(a => a.Id).SingleAsync(),
            await db.WorkspaceDocuments.Where(d => d.WorkspaceId == workspace.Id).Select(d => d.Id).SingleAsync(),
            await db.WorkspaceGroups.Where(g => g.WorkspaceId == workspace.Id).Select(g => g.Id).SingleAsync(),
            subProject, round,
            await db.WorkspaceGoals.Where(g => g.WorkspaceId == workspace.Id).Select(g => g.Id).SingleAsync(),
            await db.WorkspaceCosts.Where(c => c.WorkspaceId == workspace.Id).Select(c => c.Id).SingleAsync());
    });

    private static async Task<string> TokenAsync(Person person, string page)
    {
        var document = await person.GetAsync(page);
        return ((IHtmlInputElement)document.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
    }

    // One signed-in person per role and app, shared by the cases of the theory: signing in hashes a password.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(YhdessaApp, string), Person> People = new();

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<YhdessaApp, string> MemberEmails = new();

    private async Task<Person> SignedInAsync(string role)
    {
        if (People.TryGetValue((app, role), out var known)) return known;
        var email = $"matriisi-{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.fi";
        if (role == Roles.Member) MemberEmails[app] = email;
        const string password = "matriisin salasana kesällä";
        await app.CreateUserAsync(email, password, role == Roles.Member ? [Roles.Member] : [role, Roles.Member]);
        return People[(app, role)] = await app.SignInAsync(email, password, followRedirects: false);
    }

    /// <summary>A group that takes members by approval, so that joining and deciding have something to act on.</summary>
    private Task SetUpAsync() => app.WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<YhdessaDb>();
        if (db.Groups.Any(g => g.Slug == GroupSlug)) return 0;
        db.Groups.Add(new Yhdessa.Features.Network.Data.Group
        {
            Slug = GroupSlug, NameFi = "Matriisiryhmä", DescriptionFi = "Oikeuksien testi", Kind = GroupKind.ThematicGroup,
            Joining = Joining.ByApproval, Visibility = MembershipVisibility.GroupMembers, CreatedAt = DateTimeOffset.UtcNow,
        });
        return await db.SaveChangesAsync();
    });
}
