using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Needs;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Tests.Events;
using Yhdessa.Tests.Network;

namespace Yhdessa.Tests.Needs;

[Collection("Needs on SQLite")]
public sealed class SimilarOnSqlite(SqliteApp app) : SimilarTests(app);
[Collection("Needs on PostgreSQL")]
public sealed class SimilarOnPostgres(PostgresApp app) : SimilarTests(app);

/// <summary>Before a need is saved, the needs like it are shown, found by Finnish base forms and compound parts.</summary>
public abstract class SimilarTests(YhdessaApp app)
{
    private readonly WebApplicationFactory<Program> host = NetworkTestHost.For(app);

    private async Task<int> RaiseAsync(string title, string description = "Kuvaus")
    {
        var raiser = await host.CreateUserAsync("Aiempi Kertoja");
        using var scope = host.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<NeedCatalogue>().RaiseAsync(new Need
        {
            Kind = NeedKind.Training, Title = title, Description = description, RaisedById = raiser, RaiserNameShown = true,
        }, [], default)).Id;
    }

    [Fact]
    public async Task A_need_in_other_word_forms_is_offered_before_saving_and_the_second_send_saves()
    {
        var marker = "Pyykkö" + Guid.NewGuid().ToString("N")[..6].ToLowerInvariant();
        var existing = await RaiseAsync($"Koulutusta asumisneuvonnasta {marker}-kunnille", "Asumisneuvojat tarvitsevat koulutusta vuokraveloista.");
        var writer = await host.CreateUserAsync("Uusi Kertoja");
        var client = host.Client(writer);
        (string, string)[] fields =
        [
            ("Input.Kind", "Training"), ("Input.Title", "Asumisneuvonnan koulutus"), ("Input.Description", "Tarvitsemme asumisneuvojan koulutuksen."),
        ];

        var first = await client.PostFormAsync("/needs/new", fields);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var page = await first.Content.ReadAsStringAsync();
        Assert.Contains("Onko tarpeesi jo täällä?", page);
        Assert.Contains($"href=\"/needs/{existing}\"", page);
        Assert.Contains("name=\"Input.SimilarShown\" value=\"true\"", page);
        Assert.Equal(0, await host.WithDbAsync(db => db.Needs.CountAsync(n => n.RaisedById == writer)));

        var second = await client.PostFormAsync("/needs/new", [.. fields, ("Input.SimilarShown", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(1, await host.WithDbAsync(db => db.Needs.CountAsync(n => n.RaisedById == writer)));
    }

    [Fact]
    public async Task A_need_like_no_other_is_saved_at_once_and_the_lookup_for_typing_answers_in_json()
    {
        var marker = "Kvarkki" + Guid.NewGuid().ToString("N")[..6].ToLowerInvariant();
        var writer = await host.CreateUserAsync("Ainutlaatuinen Kertoja");
        var saved = await host.Client(writer).PostFormAsync("/needs/new",
            ("Input.Kind", "WeakSignal"), ("Input.Title", $"{marker} {marker}"), ("Input.Description", "Zyx"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var id = await RaiseAsync("Nuorten asunnottomuus kasvaa " + marker);
        var found = await host.Client().GetFromJsonAsync<JsonElement>("/api/v1/needs/similar?text=" + Uri.EscapeDataString("asunnottomat nuoret"));
        Assert.Contains(found.EnumerateArray(), n => n.GetProperty("id").GetInt32() == id);
        Assert.Empty((await host.Client().GetFromJsonAsync<JsonElement>("/api/v1/needs/similar?text=")).EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Client().GetAsync("/api/v1/needs/similar?text=" + new string('a', 501))).StatusCode);
    }
}
