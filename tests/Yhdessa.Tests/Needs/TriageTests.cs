using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Needs;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Identity;
using Yhdessa.Tests.Network;

namespace Yhdessa.Tests.Needs;

[Collection("Needs on SQLite")]
public sealed class TriageOnSqlite(SqliteApp app) : TriageTests(app);
[Collection("Needs on PostgreSQL")]
public sealed class TriageOnPostgres(PostgresApp app) : TriageTests(app);

/// <summary>Triage: who may move a need, where it may go, what the public history shows, and what a stale form or a
/// merge meeting supports at the same moment does.</summary>
public abstract class TriageTests(YhdessaApp app)
{
    private readonly WebApplicationFactory<Program> host = NetworkTestHost.For(app);

    private async Task<int> NeedAsync(string title = "Käsiteltävä tarve")
    {
        var raiser = await host.CreateUserAsync("Tarpeen Kertoja");
        using var scope = host.Services.CreateScope();
        var need = await scope.ServiceProvider.GetRequiredService<NeedCatalogue>().RaiseAsync(new Need
        {
            Kind = NeedKind.Development, Title = title + " " + Guid.NewGuid().ToString("N")[..6], Description = "Kuvaus", RaisedById = raiser,
            RaiserNameShown = true,
        }, [], default);
        return need.Id;
    }

    private Task<Need> ReadAsync(int id) => host.WithDbAsync(db => db.Needs.AsNoTracking().SingleAsync(n => n.Id == id));

    private static Task<HttpResponseMessage> MoveAsync(HttpClient client, int id, int revision, NeedState to, string? note = null, int? mergeInto = null)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Triage.Revision", revision.ToString()), new("Triage.To", to.ToString()) };
        if (note is not null) fields.Add(new("Triage.PublicNote", note));
        if (mergeInto is { } target) fields.Add(new("Triage.MergeInto", target.ToString()));
        return client.PostFormAsync($"/needs/{id}", fields, $"/needs/{id}?handler=Move");
    }

    private async Task<string> SmallExpertTeamMemberAsync()
    {
        var memberId = await host.CreateUserAsync("Tiimin Jäsen");
        await host.WithDbAsync(async db =>
        {
            var team = await db.Groups.FirstOrDefaultAsync(g => g.Kind == GroupKind.SmallExpertTeam);
            if (team is null)
            {
                team = new Group { Slug = "pieni-tiimi-" + Guid.NewGuid().ToString("N")[..6], NameFi = "Pieni asiantuntijatiimi", Kind = GroupKind.SmallExpertTeam };
                db.Groups.Add(team);
                await db.SaveChangesAsync();
            }
            db.GroupMemberships.Add(new GroupMembership { GroupId = team.Id, UserId = memberId, Status = MembershipStatus.Member });
            await db.SaveChangesAsync();
        });
        return memberId;
    }

    [Fact]
    public async Task The_small_expert_team_moves_a_need_and_everyone_sees_the_history_by_role_not_by_name()
    {
        var id = await NeedAsync();
        var triager = host.Client(await SmallExpertTeamMemberAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(triager, id, 0, NeedState.UnderConsideration, "Otamme tämän syksyn suunnitteluun.")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(triager, id, 1, NeedState.Planned)).StatusCode);

        var need = await ReadAsync(id);
        Assert.Equal(NeedState.Planned, need.State);
        var page = await host.Client().GetStringAsync($"/needs/{id}");
        Assert.Contains("Käsittelyryhmä: Uusi → Harkinnassa", page);
        Assert.Contains("Otamme tämän syksyn suunnitteluun.", page);
        Assert.DoesNotContain("Tiimin Jäsen", page);
        Assert.DoesNotContain("Sisäiset muistiinpanot", page);
        Assert.Equal(2, await host.WithDbAsync(db => db.Set<AuditEntry>().CountAsync(a => a.Action == "need.state-changed" && a.Subject == $"need:{id}")));
    }

    [Fact]
    public async Task A_member_outside_the_triage_groups_may_not_triage_until_a_coordinator_names_her_group()
    {
        var id = await NeedAsync();
        var memberId = await host.CreateUserAsync("Ryhmän Jäsen");
        var member = host.Client(memberId);
        var token = await member.FormTokenAsync($"/needs/{id}");
        Assert.DoesNotContain("Käsittely</h2>", await member.GetStringAsync($"/needs/{id}"));
        var refused = await member.PostAsync($"/needs/{id}?handler=Move", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("Triage.Revision", "0"), new("Triage.To", "Planned")]));
        NetworkTestHost.AssertForbidden(refused);
        Assert.Equal(NeedState.New, (await ReadAsync(id)).State);

        var groupId = await host.WithDbAsync(async db =>
        {
            var group = new Group { Slug = "kasittely-" + Guid.NewGuid().ToString("N")[..6], NameFi = "Käsittelevä ryhmä", Kind = GroupKind.ThematicGroup };
            db.Groups.Add(group);
            await db.SaveChangesAsync();
            db.GroupMemberships.Add(new GroupMembership { GroupId = group.Id, UserId = memberId, Status = MembershipStatus.Member });
            await db.SaveChangesAsync();
            return group.Id;
        });
        var coordinator = host.Client(await host.CreateUserAsync("Koordinaattori", Roles.Coordinator));
        var named = await coordinator.PostFormAsync("/needs/triage-groups", [new("GroupIds", groupId.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, named.StatusCode);

        Assert.Contains("Käsittely</h2>", await member.GetStringAsync($"/needs/{id}"));
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(member, id, 0, NeedState.Planned)).StatusCode);
        Assert.Equal(NeedState.Planned, (await ReadAsync(id)).State);
    }

    [Fact]
    public async Task Declining_needs_a_public_reason_and_a_move_the_states_do_not_allow_is_refused()
    {
        var id = await NeedAsync();
        var coordinator = host.Client(await host.CreateUserAsync("Koordinaattori", Roles.Coordinator));

        var noReason = await MoveAsync(coordinator, id, 0, NeedState.Declined);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Kerro julkisessa perustelussa, miksi tarvetta ei toteuteta.", await noReason.Content.ReadAsStringAsync());
        var illegal = await MoveAsync(coordinator, id, 0, NeedState.Answered);
        Assert.Equal(HttpStatusCode.BadRequest, illegal.StatusCode);
        Assert.Contains("Tarvetta ei voi siirtää tästä tilasta valittuun tilaan.", await illegal.Content.ReadAsStringAsync());
        Assert.Equal(NeedState.New, (await ReadAsync(id)).State);

        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(coordinator, id, 0, NeedState.Declined, "Tähän on jo valtakunnallinen koulutus.")).StatusCode);
        var page = await host.Client().GetStringAsync($"/needs/{id}");
        Assert.Contains("Tähän on jo valtakunnallinen koulutus.", page);
        Assert.Contains("Koordinaattori: Uusi → Ei toteuteta", page);
    }

    [Fact]
    public async Task A_form_sent_after_someone_elses_change_is_refused_and_keeps_what_was_typed()
    {
        var id = await NeedAsync();
        var first = host.Client(await host.CreateUserAsync("Ensimmäinen", Roles.Coordinator));
        var second = host.Client(await SmallExpertTeamMemberAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(first, id, 0, NeedState.UnderConsideration)).StatusCode);
        var stale = await MoveAsync(second, id, 0, NeedState.Declined, "Myöhässä kirjoitettu perustelu");

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var page = await stale.Content.ReadAsStringAsync();
        Assert.Contains("Joku muu muutti tarvetta sillä välin", page);
        Assert.Contains("Myöhässä kirjoitettu perustelu", page);
        Assert.Equal(NeedState.UnderConsideration, (await ReadAsync(id)).State);
    }

    [Fact]
    public async Task A_merged_need_sends_its_supports_to_the_other_and_its_page_leads_there()
    {
        var source = await NeedAsync("Yhdistettävä");
        var target = await NeedAsync("Jatkava");
        var both = await host.CreateUserAsync("Kumpaakin Tukeva");
        var one = await host.CreateUserAsync("Yhtä Tukeva");
        using (var scope = host.Services.CreateScope())
        {
            var supports = scope.ServiceProvider.GetRequiredService<NeedSupports>();
            await supports.SupportAsync(source, both, null, default);
            await supports.SupportAsync(target, both, null, default);
            await supports.SupportAsync(source, one, null, default);
        }
        var coordinator = host.Client(await host.CreateUserAsync("Koordinaattori", Roles.Coordinator));

        Assert.Equal(HttpStatusCode.BadRequest, (await MoveAsync(coordinator, source, 0, NeedState.Merged, mergeInto: source)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(coordinator, source, 0, NeedState.Merged, mergeInto: target)).StatusCode);

        // The target had its raiser and "both"; "one" and the source's raiser come with the merge.
        Assert.Equal(4, (await ReadAsync(target)).SupportCount);
        Assert.Equal(4, await host.WithDbAsync(db => db.NeedSupports.CountAsync(s => s.NeedId == target)));
        Assert.Equal(0, await host.WithDbAsync(db => db.NeedSupports.CountAsync(s => s.NeedId == source)));
        var redirect = await host.Client().GetAsync($"/needs/{source}");
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal($"/needs/{target}", NetworkTestHost.LocalPath(redirect));
        // A merged need takes nothing more: not a merge into it, not a support.
        var third = await NeedAsync("Kolmas");
        Assert.Equal(HttpStatusCode.BadRequest, (await MoveAsync(coordinator, third, 0, NeedState.Merged, mergeInto: source)).StatusCode);
    }

    [Fact]
    public async Task A_merge_while_both_needs_are_being_supported_leaves_every_count_exact()
    {
        var source = await NeedAsync("Kiireinen lähde");
        var target = await NeedAsync("Kiireinen kohde");
        var people = new List<string>();
        for (var i = 0; i < 60; i++) people.Add(await host.CreateUserAsync($"Samanaikainen {i}"));
        var coordinatorId = await host.CreateUserAsync("Koordinaattori", Roles.Coordinator);
        var coordinator = host.Client(coordinatorId);
        var token = await coordinator.FormTokenAsync($"/needs/{source}");

        var supports = people.Select(async (userId, i) =>
        {
            using var scope = host.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<NeedSupports>().SupportAsync(i % 2 == 0 ? source : target, userId, null, default);
        }).ToList();
        var merge = coordinator.PostAsync($"/needs/{source}?handler=Move", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("Triage.Revision", "0"), new("Triage.To", "Merged"), new("Triage.MergeInto", target.ToString()),
        ]));
        await Task.WhenAll([.. supports, merge]);

        Assert.Equal(NeedState.Merged, (await ReadAsync(source)).State);
        Assert.Equal(0, await host.WithDbAsync(db => db.NeedSupports.CountAsync(s => s.NeedId == source)));
        var rows = await host.WithDbAsync(db => db.NeedSupports.CountAsync(s => s.NeedId == target));
        Assert.Equal(rows, (await ReadAsync(target)).SupportCount);
    }

    [Fact]
    public async Task Notes_and_who_looks_after_a_need_are_seen_by_the_triagers_only()
    {
        var id = await NeedAsync();
        var coordinatorId = await host.CreateUserAsync("Vastuullinen Koordinaattori", Roles.Coordinator);
        var coordinator = host.Client(coordinatorId);

        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync($"/needs/{id}", [new("Triage.Note", "Soitetaan Kuopioon ensi viikolla.")], $"/needs/{id}?handler=Note")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync($"/needs/{id}", [new("Triage.AssigneeId", coordinatorId)], $"/needs/{id}?handler=Assign")).StatusCode);
        var empty = await coordinator.PostFormAsync($"/needs/{id}", [new("Triage.Note", " ")], $"/needs/{id}?handler=Note");
        Assert.Contains("Kirjoita muistiinpano.", await empty.Content.ReadAsStringAsync());
        var stranger = await coordinator.PostFormAsync($"/needs/{id}", [new("Triage.AssigneeId", "tuntematon")], $"/needs/{id}?handler=Assign");
        Assert.Contains("Valitse vastuuhenkilö luettelosta.", await stranger.Content.ReadAsStringAsync());

        var triagerPage = await coordinator.GetStringAsync($"/needs/{id}");
        Assert.Contains("Soitetaan Kuopioon ensi viikolla.", triagerPage);
        Assert.Equal(coordinatorId, (await ReadAsync(id)).AssigneeId);
        var memberPage = await host.Client(await host.CreateUserAsync("Tavallinen Jäsen")).GetStringAsync($"/needs/{id}");
        Assert.DoesNotContain("Soitetaan Kuopioon", memberPage);
        Assert.DoesNotContain("Vastuullinen Koordinaattori", memberPage);
    }
}
