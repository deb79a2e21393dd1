using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Email;
using Yhdessa.Platform.Identity;
using Yhdessa.Tests.Network;

namespace Yhdessa.Tests.Workspaces;

/// <summary>TEST HELPER: workspaces made through their pages, as a coordinator and a lead make them.</summary>
public sealed class WorkspaceTestKit(WebApplicationFactory<Program> host)
{
    public WebApplicationFactory<Program> Host => host;

    public async Task<(string Id, string Email)> PersonAsync(string name, string? role = null)
    {
        var id = await host.CreateUserAsync(name, role);
        var email = await host.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.Email!).FirstAsync());
        return (id, email);
    }

    /// <summary>A coordinator creates a project with the given leads (by address); answers its slug.</summary>
    public async Task<string> CreateAsync(string coordinatorId, string name, params string[] leads)
    {
        var response = await host.Client(coordinatorId).PostFormAsync("/workspaces/new",
            ("Input.Name", name), ("Input.Purpose", "Kehitetään yhdessä " + name), ("Input.Method", "Project"), ("Input.Status", "Active"),
            ("Input.StartsOn", "2026-01-01"), ("Input.EndsOn", "2027-12-31"), ("Leads", string.Join("\n", leads)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Regex.Match(NetworkTestHost.LocalPath(response), "^/workspaces/([^/]+)/people$").Groups[1].Value;
    }

    public Task<int> IdAsync(string slug) => host.WithDbAsync(db => db.Workspaces.Where(w => w.Slug == slug).Select(w => w.Id).FirstAsync());

    /// <summary>Adds a participant straight to the database (the invitation flow has tests of its own).</summary>
    public async Task AddAsync(string slug, string userId, WorkspaceRole role)
    {
        var id = await IdAsync(slug);
        await host.WithDbAsync(async db =>
        {
            db.WorkspaceParticipants.Add(new WorkspaceParticipant { WorkspaceId = id, UserId = userId, Role = role, JoinedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        });
    }

    /// <summary>A meeting through its form; answers its id.</summary>
    public async Task<int> MeetingAsync(string userId, string slug, string title, DateTime startsLocal, string agenda = "Avaus\nTilannekatsaus\nMuut asiat")
    {
        var response = await host.Client(userId).PostFormAsync($"/workspaces/{slug}/meetings",
            ("Input.Title", title), ("Input.StartsAt", startsLocal.ToString("yyyy-MM-ddTHH:mm")),
            ("Input.EndsAt", startsLocal.AddHours(2).ToString("yyyy-MM-ddTHH:mm")), ("Input.Place", "Kokoushuone Kivi"),
            ("Input.OnlineLink", "https://meet.example.org/abc"), ("Input.Agenda", agenda));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(Regex.Match(NetworkTestHost.LocalPath(response), @"/meetings/(\d+)$").Groups[1].Value);
    }

    public Task<List<OutgoingEmail>> MailToAsync(string address) =>
        host.WithDbAsync(db => db.Set<OutgoingEmail>().AsNoTracking().Include(m => m.Attachments).Where(m => m.To == address).OrderBy(m => m.Id).ToListAsync());

    /// <summary>An organisation of the directory, for a participant or a sub-project to belong to.</summary>
    public Task<int> OrganisationAsync(string name) => host.WithDbAsync(async db =>
    {
        var organisation = new Yhdessa.Features.Network.Data.Organisation
        {
            Slug = "org-" + Guid.NewGuid().ToString("N")[..10], Sector = Yhdessa.Features.Network.Data.Sector.Ngo,
            CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        };
        organisation.SetNames(name, null, null);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation.Id;
    });

    public static string Unique(string name) => name + " " + Guid.NewGuid().ToString("N")[..6];

    public async Task<string> CoordinatorAsync() => (await PersonAsync("Koordinaattori", Roles.Coordinator)).Id;
}
