using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Yhdessa.Features.Materials.Data;


namespace Yhdessa.Tests.Materials;

[Collection("Materials with a small file limit on SQLite")]
public sealed class FinnishSearchOnSqlite(MaterialAppOnSqlite app) : FinnishSearchTests(app);
[Collection("Materials with a small file limit on PostgreSQL")]
public sealed class FinnishSearchOnPostgres(MaterialAppOnPostgres app) : FinnishSearchTests(app);

/// <summary>
/// What a worker types finds what was written in another form of the word: inflections, derivations and compound
/// parts (Voikko), Swedish and English by their own rules, typos; and what she types can never break the search.
/// </summary>
public abstract class FinnishSearchTests(YhdessaApp app)
{
    private async Task<List<string>> SlugsAsync(string query) => (await app.SearchAsync(query)).Items.Select(h => h.Slug).ToList();

    [Fact]
    public async Task The_search_health_says_Voikko_is_in_use()
    {
        var health = await app.CreateClient().GetStringAsync("/health/search");
        Assert.Contains("\"finnish\":\"voikko\"", health);
    }

    [Fact]
    public async Task An_inflected_word_finds_its_base_form_and_its_kin()
    {
        var baseForm = await app.AddPublishedAsync("Katsaus vuoteen", "Asunnottomuus on vähentynyt kymmenen vuoden ajan.");
        var adjective = await app.AddPublishedAsync("Palvelut kaupungissa", "Kaupunki tarjoaa asunnottomien palveluja ympäri vuoden.");
        var unrelated = await app.AddPublishedAsync("Kesäretki", "Retki saaristoon onnistui hyvin.");

        var found = await SlugsAsync("asunnottomuuden");

        Assert.Contains(baseForm, found);
        Assert.Contains(adjective, found);
        Assert.DoesNotContain(unrelated, found);
    }

    [Fact]
    public async Task A_plural_case_finds_the_singular()
    {
        var training = await app.AddPublishedAsync("Syksyn ohjelma", "Koulutus järjestetään Tampereella.");
        Assert.Contains(training, await SlugsAsync("koulutuksiin"));
    }

    [Fact]
    public async Task A_word_finds_the_compounds_it_is_part_of()
    {
        var compound = await app.AddPublishedAsync("Kaupungin palvelu", "Asumisneuvonta auttaa vuokralaista ajoissa.");
        Assert.Contains(compound, await SlugsAsync("neuvonta"));
    }

    [Fact]
    public async Task A_compound_finds_texts_about_its_parts()
    {
        var parts = await app.AddPublishedAsync("Kokemuksia", "Työ on tärkeää, kun asunnottomuus uhkaa.");
        var onlyOne = await app.AddPublishedAsync("Ilmoitus", "Työ alkaa maanantaina.");

        var found = await SlugsAsync("asunnottomuustyö");

        Assert.Contains(parts, found);
        Assert.DoesNotContain(onlyOne, found);
    }

    [Fact]
    public async Task Swedish_and_English_are_searched_by_their_own_rules()
    {
        var swedish = await app.AddPublishedAsync("Rapport", "Bostadslösheten bland unga har ökat.", language: "sv");
        var english = await app.AddPublishedAsync("Report", "Evictions were prevented by housing advisers.", language: "en");

        Assert.Contains(swedish, await SlugsAsync("bostadslöshet"));
        Assert.Contains(english, await SlugsAsync("eviction"));
    }

    [Fact]
    public async Task A_typo_still_finds_the_word()
    {
        var slug = await app.AddPublishedAsync("Vertaistuki", "Kokemusasiantuntija kertoo omasta polustaan.");
        Assert.Contains(slug, await SlugsAsync("kokemusasiantuntja"));
    }

    [Fact]
    public async Task The_title_weighs_more_than_the_text()
    {
        var inTitle = await app.AddPublishedAsync("Päihdekuntoutus ja asuminen", "Yleinen kuvaus.");
        var inText = await app.AddPublishedAsync("Yleinen kuvaus", "Tässä mainitaan päihdekuntoutus kerran muiden asioiden ohella.");

        var found = await SlugsAsync("päihdekuntoutus");

        Assert.True(found.IndexOf(inTitle) >= 0 && found.IndexOf(inTitle) < found.IndexOf(inText), string.Join(", ", found));
    }

    [Fact]
    public async Task The_snippet_marks_the_matched_forms_and_encodes_the_rest()
    {
        await app.AddPublishedAsync("Merkinnät", "Asunnottomien <script>alert(1)</script> määrä väheni & asunnottomuus myös.");

        var hit = (await app.SearchAsync("asunnottomuuden")).Items.First(h => h.Title == "Merkinnät");

        Assert.Contains("<mark>Asunnottomien</mark>", hit.Snippet);
        Assert.Contains("<mark>asunnottomuus</mark>", hit.Snippet);
        Assert.Contains("&lt;script&gt;", hit.Snippet);
        Assert.DoesNotContain("<script>", hit.Snippet);
        Assert.Contains("väheni", hit.Snippet);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"asunto ensin\" AND (OR) NOT *:* ~2 ^3 \\ [a TO z] {x}")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("'; DROP TABLE Materials; --")]
    public async Task Quotes_operators_and_markup_in_a_query_are_safe(string query)
    {
        var client = app.CreateClient();
        var page = await client.GetAsync("/materials?q=" + Uri.EscapeDataString(query));
        var api = await client.GetAsync("/api/v1/materials?q=" + Uri.EscapeDataString(query));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.DoesNotContain("<script>alert", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_ten_thousand_character_query_is_answered()
    {
        var slug = await app.AddPublishedAsync("Pitkä haku", "Asumisneuvoja auttoi.");
        // A pasted text repeats itself: its words count once each.
        var query = string.Concat(Enumerable.Repeat("asumisneuvoja auttoi ", 500));
        Assert.True(query.Length >= 10_000);

        var page = await app.CreateClient().GetAsync("/materials?q=" + Uri.EscapeDataString(query));
        var api = await app.SearchAsync(query);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(slug, api.Items.Select(h => h.Slug));
    }

    [Fact]
    public async Task A_long_pasted_query_finds_what_its_words_find()
    {
        await app.AddPublishedAsync("Asunnottomuus kaupungeissa", "Asunnottomuus väheni.");
        await app.AddPublishedAsync("Asunnottomien tuki", "Tuki asunnottomille.");
        // 16 characters a word: the first 1,000 end inside a word, which must not become a word of its own.
        var pasted = string.Concat(Enumerable.Repeat("asunnottomuuden ", 700));

        Assert.Equal((await app.SearchAsync("asunnottomuuden")).Total, (await app.SearchAsync(pasted)).Total);
    }

    [Fact]
    public void The_server_takes_a_ten_thousand_letter_query_in_the_address()
    {
        // The test server has no request-line limit; Kestrel's default (8 KB) answered such a search with an empty 414.
        var limits = app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;
        Assert.True(limits.MaxRequestLineSize >= Uri.EscapeDataString(new string('ä', 10_000)).Length + 100);
    }

    [Fact]
    public async Task Facets_count_the_hits_of_the_query_and_a_filter_narrows_them()
    {
        var marker = "kuntakierros" + Guid.NewGuid().ToString("N")[..5];
        await app.AddPublishedAsync("Kuntakierros " + marker, "Raportti.", type: MaterialType.StudyTripReport, date: new DateOnly(2022, 3, 1));
        await app.AddPublishedAsync("Kuntakierros toinen " + marker, "Opas.", type: MaterialType.ModelOrGuide, date: new DateOnly(2023, 3, 1));
        await app.AddPublishedAsync("Kuntakierros kolmas " + marker, "Opas.", type: MaterialType.ModelOrGuide, date: new DateOnly(2023, 4, 1));

        var page = await new WebBrowser(app.CreateClient()).OpenAsync("/materials?q=" + marker);
        var facets = page.Document.QuerySelector(".facets")!.TextContent;
        Assert.Contains("malli tai opas (2)", facets);
        Assert.Contains("opintomatkaraportti (1)", facets);
        Assert.Contains("2023 (2)", facets);

        var filtered = await app.SearchAsync(marker, "&type=ModelOrGuide");
        Assert.Equal(2, filtered.Total);
        Assert.All(filtered.Items, h => Assert.Equal("ModelOrGuide", h.Type));
        Assert.Equal(1, (await app.SearchAsync(marker, "&year=2022")).Total);
    }

    [Theory]
    [InlineData("&type=Unknown")]
    [InlineData("&language=de")]
    [InlineData("&pageSize=1000")]
    [InlineData("&sort=random")]
    [InlineData("&year=abc", "year")]
    [InlineData("&theme=1x", "theme")]
    [InlineData("&organisation=%27%20OR%201=1", "organisation")]
    [InlineData("&page=two", "page")]
    public async Task The_API_refuses_unknown_filters_with_a_problem(string extra, string? named = null)
    {
        var response = await app.CreateClient().GetAsync("/api/v1/materials?q=asunto" + extra);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        // A number that is not one is named in the problem, so the caller knows which parameter to fix.
        if (named is not null) Assert.Contains($"\"{named}\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_order_shown_is_the_order_of_the_list()
    {
        var browser = new WebBrowser(app.CreateClient());
        string? Shown(WebBrowser.Page page) => ((AngleSharp.Html.Dom.IHtmlSelectElement?)page.Document.QuerySelector("#sort"))?.Value;

        await app.AddPublishedAsync("Järjestyksen aineisto", "Teksti.");
        // Without words there is nothing to rank: the list is newest first, says so, and offers no other order.
        var all = await browser.OpenAsync("/materials");
        Assert.Null(Shown(all));
        Assert.Contains("Uusimmat ensin", all.Document.QuerySelector("section[aria-labelledby=results-heading]")!.TextContent);
        Assert.Equal("", Shown(await browser.OpenAsync("/materials?q=asunto")));
        Assert.Equal("newest", Shown(await browser.OpenAsync("/materials?q=asunto&sort=newest")));
    }

    [Fact]
    public async Task The_first_search_from_the_material_page_lists_the_best_match_first()
    {
        var marker = "jarjestys" + Guid.NewGuid().ToString("N")[..6];
        await app.AddPublishedAsync($"Opas: {marker}", $"Koko opas käsittelee aihetta {marker}.", date: new DateOnly(2020, 1, 1));
        await app.AddPublishedAsync("Uusi muistio", $"Sivumennen mainittu {marker}.", date: new DateOnly(2025, 1, 1));
        var browser = new WebBrowser(app.CreateClient());

        // What a browser sends when the words are typed into the search form of /materials and it is submitted.
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)(await browser.OpenAsync("/materials")).Document.QuerySelector("form.searchbox")!;
        var fields = form.Elements.Where(e => e.GetAttribute("name") is { Length: > 0 } && e is not AngleSharp.Html.Dom.IHtmlButtonElement)
            .Select(e => (Name: e.GetAttribute("name")!, Value: e.GetAttribute("name") == "q" ? marker
                : (e as AngleSharp.Html.Dom.IHtmlSelectElement)?.Value ?? ((AngleSharp.Html.Dom.IHtmlInputElement)e).Value));
        var results = await browser.OpenAsync("/materials?" + string.Join("&", fields.Select(f => $"{f.Name}={Uri.EscapeDataString(f.Value)}")));

        var titles = results.Document.QuerySelectorAll("ol.results h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal([$"Opas: {marker}", "Uusi muistio"], titles);
        Assert.Equal("", ((AngleSharp.Html.Dom.IHtmlSelectElement)results.Document.QuerySelector("#sort")!).Value);
    }

    [Fact]
    public async Task The_result_count_reads_right_for_one_material_and_for_many()
    {
        var marker = "yksikkotesti" + Guid.NewGuid().ToString("N")[..5];
        await app.AddPublishedAsync("Ainoa " + marker, "Teksti.");
        var browser = new WebBrowser(app.CreateClient());

        Assert.Equal("1 aineisto", (await browser.OpenAsync("/materials?q=" + marker)).Document.QuerySelector("#results-heading")!.TextContent);
        Assert.Equal("1 material", (await browser.OpenAsync($"/materials?q={marker}&culture=en")).Document.QuerySelector("#results-heading")!.TextContent);
        await app.AddPublishedAsync("Toinen " + marker, "Teksti.");
        Assert.Equal("2 materials", (await browser.OpenAsync($"/materials?q={marker}&culture=en")).Document.QuerySelector("#results-heading")!.TextContent);
    }

    [Fact]
    public async Task The_API_is_in_the_OpenAPI_document()
    {
        var document = await app.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/materials", document);
    }
}
