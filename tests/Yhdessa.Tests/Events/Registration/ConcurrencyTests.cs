using AngleSharp.Dom;
using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Yhdessa.Features.Events.Registration.Data;

namespace Yhdessa.Tests.Events.Registration;

public sealed class ConcurrencyOnSqlite(RegistrationAppOnSqlite app) : ConcurrencyTests(app), IClassFixture<RegistrationAppOnSqlite>;
public sealed class ConcurrencyOnPostgres(RegistrationAppOnPostgres app) : ConcurrencyTests(app), IClassFixture<RegistrationAppOnPostgres>;

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
}
