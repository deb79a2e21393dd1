using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Platform.Data;

namespace Yhdessa.Tests.Needs;

[Collection("Events with demo content on SQLite")]
public sealed class NeedsDemoDataOnSqlite(DemoSqliteApp app) : NeedsDemoDataTests(app);
[Collection("Events with demo content on PostgreSQL")]
public sealed class NeedsDemoDataOnPostgres(DemoPostgresApp app) : NeedsDemoDataTests(app);

/// <summary>A newcomer sees the needs' whole story in the demo: every state, a merge, a visitor's need and one from feedback.</summary>
public abstract class NeedsDemoDataTests(YhdessaApp app)
{
    [Fact]
    public async Task The_demo_needs_go_through_every_state_and_come_from_members_a_visitor_and_event_feedback()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<YhdessaDb>();
        var needs = await db.Needs.AsNoTracking().ToListAsync();
        foreach (var state in Enum.GetValues<NeedState>())
            Assert.Contains(needs, n => n.State == state);
        var merged = needs.Single(n => n.State == NeedState.Merged);
        Assert.Contains(needs, n => n.Id == merged.MergedIntoId && n.State != NeedState.Merged);
        Assert.Contains(needs, n => n.State == NeedState.Declined && !string.IsNullOrEmpty(n.DeclineReason));
        Assert.Contains(needs, n => n.Origin == NeedOrigin.Visitor && n.ConfirmedAt != null);
        var fromFeedback = needs.Single(n => n.Origin == NeedOrigin.Feedback);
        Assert.True(await db.NeedFeedbackSources.CountAsync(f => f.NeedId == fromFeedback.Id) >= 2);

        var client = app.CreateClient();
        var page = await client.GetStringAsync($"/needs/{fromFeedback.Id}?culture=fi");
        Assert.Contains("Tämä tarve nousi näiden tapahtumien palautteesta.", page);
        Assert.Contains("Sanoitte – teimme", await client.GetStringAsync("/needs/answered?culture=fi"));
        var redirect = await app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            .GetAsync($"/needs/{merged.Id}");
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
    }
}
