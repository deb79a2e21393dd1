using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Yhdessa.Tests.Platform;

/// <summary>Deny by default: every endpoint needs a signed-in user unless it is on this list on purpose.
/// A new public page or endpoint fails this test until it is added here, so opening one is a decision.
/// SQLite only: which endpoints exist and whom they admit does not depend on the engine.</summary>
public sealed class AnonymousAccessTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string[] PublicEndpoints =
    [
        "/", "accessibility", "accessibility/feedback", "privacy", "api", "error/{status:int?}", "language", "health", "health/ready", "openapi/{documentName}.json",
        "{*path:nonfile}",
        // Signing up and in, and the links in account email: reachable before one has a session.
        "account/sign-up", "account/check-email", "account/confirm-email", "account/confirm-email-change",
        "account/sign-in", "account/sign-in/two-factor", "account/sign-in/recovery-code", "account/sign-out",
        "account/forgot-password", "account/reset-password", "account/access-denied",
        // The network directory and its API: public by design, private people filtered out inside.
        "network/organisations", "network/organisations/{key}", "network/groups", "network/groups/{key}",
        "network/people/{id:int}", "api/v1/organisations", "api/v1/organisations/{key}", "api/v1/groups",
        // The event catalogue, its calendars and API: visibility is enforced inside, per event.
        "events", "events/{key}", "events.ics", "events/{key}.ics", "api/v1/events",
        // Registering as a guest, and the signed link in registration email: the link is the right to see and cancel.
        "events/{key}/register", "events/registration/{token}",
        // Answering a survey: the one-time link is the right to answer, and answers are anonymous.
        "surveys/answer/{token}", "surveys/answer/thanks",
        // A guest's attendance certificate: the signed link in their thank-you email is the right to it.
        "events/certificate/{token}",
        // The material bank, its API, feed and files: drafts and their files are refused inside, per material.
        "materials", "materials/{slug}", "materials/{slug}/versions/{number:int}", "materials/feed",
        "materials/files/{id:int}/{name?}", "api/v1/materials", "health/search",
        // The podcast feed: published episodes with their recordings only.
        "podcast/feed",
        // Needs: public once confirmed (unconfirmed ones are not found); supporting needs a sign-in, checked inside.
        "needs", "needs/{id:int}", "needs/answered", "needs/feed", "api/v1/needs", "api/v1/needs/{id:int}", "api/v1/needs/similar",
        // A visitor raises a need with her email address; the one-time link mailed to her is the right to publish it.
        "needs/new", "needs/confirm/{token}",
        // The link in a need's email stops that mail: the secret in it is the right to.
        "needs/stop/{token}",
        // News, their feeds, API and images: drafts and their images are refused inside, except to coordinators.
        "news", "news/{slug}", "news/feed", "news/images/{id:int}", "api/v1/news", "api/v1/news/{slug}",
        // The newsletter: anyone subscribes (the mailed link confirms); the secret in a newsletter's links is the right to
        // change the preferences or unsubscribe without signing in.
        "newsletter", "newsletter/confirm/{token}", "newsletter/preferences/{token}", "newsletter/unsubscribe/{token}",
        // Workspaces: the list of published ones, and a workspace's public page (a private one is not found, or asks a
        // visitor to sign in); the invitation's page asks to sign in before anything is joined.
        "workspaces", "workspaces/{slug}", "workspaces/join/{token}",
        // A workspace's calendar feed: its secret address, which a lead can replace, is the right to it.
        "workspaces/calendar/{token}",
        // The archive of sent issues and its feed.
        "newsletter/archive", "newsletter/archive/{number:int}/{language}", "newsletter/archive/feed",
        // Open statistics: published context figures and small-number-protected programme aggregates only.
        "statistics", "statistics/{table}", "statistics/{table}.csv", "api/v1/statistics", "api/v1/statistics/{table}",
    ];

    private IReadOnlyList<RouteEndpoint> Endpoints()
    {
        _ = app.CreateClient(); // starts the app
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
    }

    private static string Route(RouteEndpoint endpoint) => endpoint.RoutePattern.RawText?.TrimStart('/') is { Length: > 0 } raw ? raw : "/";

    [Fact]
    public void Only_the_listed_endpoints_are_open_to_visitors()
    {
        var anonymous = Endpoints()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(Route)
            .Distinct()
            .Order()
            .ToList();

        var unexpected = anonymous.Except(PublicEndpoints).ToList();
        Assert.True(unexpected.Count == 0, "Open to visitors but not on the allow-list: " + string.Join(", ", unexpected));
    }

    [Fact]
    public async Task A_visitor_asking_for_any_other_page_is_sent_to_sign_in()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var closed = Endpoints()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null || e.Metadata.GetMetadata<HttpMethodMetadata>() is { } m && m.HttpMethods.Contains("GET"))
            .Select(e => "/" + string.Join("/", Route(e).Split('/').Select(Fill)))
            .Distinct()
            .ToList();
        Assert.NotEmpty(closed);

        foreach (var path in closed)
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized,
                $"{path} answered {(int)response.StatusCode} to a visitor");
            if (response.StatusCode == HttpStatusCode.Redirect)
                Assert.StartsWith("/account/sign-in", response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString);
        }
    }

    [Theory]
    [InlineData("/favicon.ico", "image/x-icon")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    public async Task The_site_icon_is_a_file_that_sets_no_cookie(string path, string type)
    {
        // A browser fetches the icon beside the first page it opens; when /favicon.ico went to the sign-in page, that
        // page's new antiforgery cookie replaced the one of the form open in the tab, and the first sign-in failed.
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    // A route parameter becomes a plausible value, so that the request reaches authorisation.
    private static string Fill(string segment) => segment.StartsWith('{') ? (segment.Contains(":int") || segment.Contains(":long") ? "1" : "x") : segment;
}
