using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Tests.Account;

namespace Yhdessa.Tests.Events.Registration;

[Collection("Events on SQLite")]
public sealed class ConcurrencyOnSqlite(SqliteApp app) : ConcurrencyTests(app);
[Collection("Events on PostgreSQL")]
public sealed class ConcurrencyOnPostgres(PostgresApp app) : ConcurrencyTests(app);

/// <summary>Capacity is exact when many people press "register" at the same moment.</summary>
public abstract class ConcurrencyTests(YhdessaApp app)
{
    [Fact]
    public async Task Twenty_simultaneous_registrations_for_five_seats_confirm_exactly_five_and_queue_fifteen_in_order()
    {
        var ev = await app.OpenEventAsync(capacity: 5);
        var parser = new HtmlParser();
        // Every guest first loads the form (its own antiforgery cookie and token), then all submit at once.
        var guests = await Task.WhenAll(Enumerable.Range(1, 20).Select(async i =>
        {
            var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            var form = parser.ParseDocument(await client.GetStringAsync($"/events/{ev.Slug}/register"));
            var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
            return (client, token, i);
        }));
        using var start = new SemaphoreSlim(0);
        var posts = guests.Select(async g =>
        {
            await start.WaitAsync();
            return await g.client.PostAsync($"/events/{ev.Slug}/register", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = g.token, ["Input.Name"] = $"Rinnakkainen {g.i}",
                ["Input.Email"] = $"rinnakkainen.{g.i}.{ev.Id}@example.fi", ["Input.OrganisationName"] = $"Organisaatio {g.i}",
            }));
        }).ToList();
        start.Release(20);
        var responses = await Task.WhenAll(posts);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var rows = await app.RegistrationsAsync(ev.Id);
        Assert.Equal(20, rows.Count);
        Assert.Equal(5, rows.Count(r => r.Status == RegistrationStatus.Confirmed));
        Assert.Equal(15, rows.Count(r => r.Status == RegistrationStatus.Waiting));
        // Arrival order is the order of the seats: everyone confirmed came before everyone waiting.
        Assert.True(rows.Where(r => r.Status == RegistrationStatus.Confirmed).Max(r => r.Id)
            < rows.Where(r => r.Status == RegistrationStatus.Waiting).Min(r => r.Id));
        // Each waiting person was told a different place, 1 to 15.
        var places = new List<int>();
        foreach (var waiting in rows.Where(r => r.Status == RegistrationStatus.Waiting))
        {
            var body = (await app.MailAsync(waiting.Email)).Single().TextBody;
            places.Add(int.Parse(System.Text.RegularExpressions.Regex.Match(body, @"sijalla (\d+)").Groups[1].Value));
        }
        Assert.Equal(Enumerable.Range(1, 15), places.Order());
    }

    [Fact]
    public async Task Lowering_the_capacity_while_people_register_never_leaves_more_seats_given_than_the_capacity()
    {
        var ev = await app.OpenEventAsync(capacity: 6);
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Ensimmäinen", RegistrationApps.NewEmail("kap-a")));
        await app.RegisterGuestAsync(ev, RegistrationApps.Guest("Toinen", RegistrationApps.NewEmail("kap-b")));
        var coordinator = await app.CoordinatorAsync();
        var form = await coordinator.OpenAsync($"/events/{ev.Slug}/edit");
        var fields = RegistrationTests.FormValues(form.Document.QuerySelector<IHtmlFormElement>("main form[method=post]")!);
        // Two seats are given now, so 3 passes the check when it runs first; registrations arriving at the same
        // moment must then wait, or the check must see them.
        fields["Input.Capacity"] = "3";
        var parser = new HtmlParser();
        var guests = await Task.WhenAll(Enumerable.Range(1, 4).Select(async i =>
        {
            var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            var page = parser.ParseDocument(await client.GetStringAsync($"/events/{ev.Slug}/register"));
            return (client, token: page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value, i);
        }));
        using var start = new SemaphoreSlim(0);
        var registering = guests.Select(async g =>
        {
            await start.WaitAsync();
            return await g.client.PostAsync($"/events/{ev.Slug}/register", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = g.token, ["Input.Name"] = $"Samaan aikaan {g.i}",
                ["Input.Email"] = $"samaan.{g.i}.{ev.Id}@example.fi", ["Input.OrganisationName"] = $"Organisaatio {g.i}",
            }));
        }).ToList();
        var editing = Task.Run(async () => { await start.WaitAsync(); return await coordinator.SubmitAsync($"/events/{ev.Slug}/edit", fields); });
        start.Release(5);
        await Task.WhenAll(registering);
        var edited = await editing;

        var capacity = (await app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().Events.AsNoTracking().SingleAsync(e => e.Id == ev.Id))).Capacity;
        var rows = await app.RegistrationsAsync(ev.Id);
        Assert.Equal(6, rows.Count);
        var held = rows.Count(r => r.Status is RegistrationStatus.Confirmed or RegistrationStatus.Offered);
        Assert.True(held <= capacity, $"{held} seats given, capacity {capacity}");
        // Either the coordinator's change was saved (and the late comers queue) or it was refused with the reason shown.
        if (capacity == 3) Assert.Equal(3, held);
        else Assert.Contains("Paikkamäärä ei voi olla pienempi", edited.ErrorSummary);
    }
}
