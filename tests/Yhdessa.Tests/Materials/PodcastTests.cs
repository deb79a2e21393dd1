using System.Net;
using System.Net.Http.Headers;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Materials.Data;
using Yhdessa.Features.Materials.Files;
using Yhdessa.Features.Materials.Podcast;
using Yhdessa.Platform.Data;
using Yhdessa.Tests.Events;

namespace Yhdessa.Tests.Materials;

[Collection("Materials on SQLite")]
public sealed class PodcastOnSqlite(SqliteApp app) : PodcastTests(app);
[Collection("Materials on PostgreSQL")]
public sealed class PodcastOnPostgres(PostgresApp app) : PodcastTests(app);

/// <summary>A podcast episode is a material with a recording, a length, a number, a transcript and show notes: the
/// recording is audio by its content, the page plays it with the transcript beside it, the search finds the transcript's
/// words, and the podcast feed offers published episodes to podcast apps.</summary>
public abstract class PodcastTests(YhdessaApp app)
{
    private static readonly XNamespace Itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";

    private static Dictionary<string, string> Fields(string title, string number = "4", string season = "2", string duration = "24:30",
        string transcript = "Juontaja: Tervetuloa.\n\nVieras: Kiitos kutsusta.", string showNotes = "Katso [opas](https://example.org/opas).") => new()
        {
            ["Input.Type"] = "PodcastEpisode", ["Input.Language"] = "fi", ["Input.Title"] = title, ["Input.Summary"] = "Jakso asumisen tuesta.",
            ["Input.Body"] = "", ["Input.PublicationDate"] = "2025-03-04", ["Input.Licence"] = "CC BY 4.0",
            ["Input.EpisodeNumber"] = number, ["Input.Season"] = season, ["Input.Duration"] = duration,
            ["Input.Transcript"] = transcript, ["Input.ShowNotes"] = showNotes,
        };

    private async Task<string> CreateAsync(WebBrowser person, Dictionary<string, string> fields)
    {
        var created = await person.SubmitAsync("/materials/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        return await SlugAsync(fields["Input.Title"]);
    }

    private Task<string> SlugAsync(string title) =>
        app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().Materials.Where(m => m.Title == title).Select(m => m.Slug).SingleAsync());

    /// <summary>An episode made by a coordinator through the form and the files page, with its recording, and published.</summary>
    private async Task<(string Slug, byte[] Audio)> PublishedEpisodeAsync(WebBrowser coordinator, Dictionary<string, string> fields)
    {
        var slug = await CreateAsync(coordinator, fields);
        var audio = SilentMp3.Create(2);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.UploadFileAsync(slug, audio, "jakso.mp3", asRecording: true)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(coordinator, slug, "Publish")).Status);
        return (slug, audio);
    }

    /// <summary>A button of the material's page: Propose, Publish, Return.</summary>
    private static async Task<WebBrowser.Page> StepAsync(WebBrowser person, string slug, string handler) =>
        await person.PostAsync($"/materials/{slug}?handler={handler}",
            [new("__RequestVerificationToken", ((IHtmlInputElement)(await person.GetAsync("/materials/" + slug))
                .QuerySelector("input[name=__RequestVerificationToken]")!).Value)]);

    private static byte[] M4a() => [0, 0, 0, 0x20, .. "ftypM4A "u8, 0, 0, 0, 0, .. "M4A mp42isom"u8, .. new byte[500]];

    private Task<List<MaterialFile>> FilesAsync(string slug) => app.WithServicesAsync(s =>
    {
        var db = s.GetRequiredService<YhdessaDb>();
        return db.MaterialFiles.Where(f => db.Materials.Any(m => m.Slug == slug && m.Id == f.MaterialId)).OrderBy(f => f.Id).ToListAsync();
    });

    [Fact]
    public async Task An_MP3_and_then_an_M4A_become_the_episodes_recording_by_their_content()
    {
        var member = await app.SignedInAsync("member");
        var slug = await CreateAsync(member, Fields(EventTestData.Unique("Jakso äänitteellä")));

        var mp3 = await member.UploadFileAsync(slug, SilentMp3.Create(1), "nauhoitus.mp3", asRecording: true);
        Assert.Equal(HttpStatusCode.Redirect, mp3.Status);
        var files = await member.OpenAsync($"/materials/{slug}/files");
        Assert.Contains("Jakson äänite nauhoitus.mp3 lisättiin.", files.Notice);
        Assert.Equal("Vaihda jakson äänite", files.Document.QuerySelector("label[for=audio]")!.TextContent);

        // A new recording replaces the earlier one; a draft that was never public keeps nothing of it.
        var m4a = await member.UploadFileAsync(slug, M4a(), "nauhoitus-2.m4a", asRecording: true);
        Assert.Equal(HttpStatusCode.Redirect, m4a.Status);
        var file = Assert.Single(await FilesAsync(slug));
        Assert.True(file.IsEpisodeAudio);
        Assert.Equal("audio/mp4", file.ContentType);
        Assert.Equal("nauhoitus-2.m4a", file.FileName);
        var page = await member.OpenAsync("/materials/" + slug);
        Assert.Equal($"/materials/files/{file.Id}/nauhoitus-2.m4a", page.Document.QuerySelector("audio[controls]")!.GetAttribute("src"));
    }

    [Fact]
    public async Task Text_named_mp3_and_a_PDF_are_refused_as_the_recording_and_nothing_is_stored()
    {
        var member = await app.SignedInAsync("member");
        var slug = await CreateAsync(member, Fields(EventTestData.Unique("Jakso väärällä tiedostolla")));
        var stored = Directory.Exists(app.StoredFiles) ? Directory.GetFiles(app.StoredFiles).Length : 0;

        var text = await member.UploadFileAsync(slug, "Tämä on tekstiä eikä ääntä, vaikka nimi väittää muuta."u8.ToArray(), "jakso.mp3", asRecording: true);
        var pdf = await member.UploadFileAsync(slug, SimplePdf.Create("Liite", "Teksti"), "liite.pdf", asRecording: true);

        foreach (var refused in new[] { text, pdf })
        {
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.Contains("Jakson äänitteeksi käy vain MP3- tai M4A-äänitiedosto", refused.ErrorSummary);
            Assert.NotNull(refused.Document.QuerySelector(".error-summary a[href='#audio']"));
        }
        Assert.Empty(await FilesAsync(slug));
        Assert.Equal(stored, Directory.Exists(app.StoredFiles) ? Directory.GetFiles(app.StoredFiles).Length : 0);
    }

    [Fact]
    public async Task Episode_number_season_and_duration_are_checked_and_bad_ones_save_nothing()
    {
        var member = await app.SignedInAsync("member");
        var title = EventTestData.Unique("Virheellinen jakso");

        var page = await member.SubmitAsync("/materials/new", Fields(title, number: "kolme", season: "0", duration: "24:75"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Jakson numero on kokonaisluku 1–100 000.", page.ErrorSummary);
        Assert.Contains("Kausi on kokonaisluku 1–100 000, tai jätä kenttä tyhjäksi.", page.ErrorSummary);
        Assert.Contains("Kirjoita kesto minuutteina ja sekunteina (24:30)", page.ErrorSummary);
        Assert.NotNull(page.Document.QuerySelector(".error-summary a[href='#Input_Duration']"));
        var duration = page.Document.QuerySelector("#Input_Duration")!;
        Assert.Equal("true", duration.GetAttribute("aria-invalid"));
        Assert.Contains("kesto minuutteina", page.Document.GetElementById(duration.GetAttribute("aria-describedby")!.Split(' ')[^1])!.TextContent);
        Assert.Equal("kolme", ((IHtmlInputElement)page.Document.QuerySelector("#Input_EpisodeNumber")!).Value);
        Assert.False(await app.WithServicesAsync(s => s.GetRequiredService<YhdessaDb>().Materials.AnyAsync(m => m.Title == title)));

        var missing = await member.SubmitAsync("/materials/new", Fields(title, number: "", season: "", duration: ""));
        Assert.Contains("Anna jakson numero.", missing.ErrorSummary);
        Assert.Contains("Anna jakson kesto, esimerkiksi 24:30.", missing.ErrorSummary);
        Assert.DoesNotContain("Kausi", missing.ErrorSummary);

        // Hours written the Finnish way, with full stops; no season is fine.
        var slug = await CreateAsync(member, Fields(title, number: "12", season: "", duration: "1.05.00"));
        var episode = await app.WithServicesAsync(s =>
        {
            var db = s.GetRequiredService<YhdessaDb>();
            return db.PodcastEpisodes.SingleAsync(e => db.Materials.Any(m => m.Slug == slug && m.Id == e.MaterialId));
        });
        Assert.Equal((12, null, 3900), (episode.Number, episode.Season, episode.DurationSeconds));
        var form = await member.GetAsync($"/materials/{slug}/edit");
        Assert.Equal("1:05:00", ((IHtmlInputElement)form.QuerySelector("#Input_Duration")!).Value);
    }

    [Fact]
    public async Task Another_type_ignores_the_episode_fields()
    {
        var member = await app.SignedInAsync("member");
        var fields = Fields(EventTestData.Unique("Opas, ei jakso"), number: "kolme", duration: "pitkä");
        fields["Input.Type"] = "ModelOrGuide";

        var slug = await CreateAsync(member, fields);

        var page = await member.OpenAsync("/materials/" + slug);
        Assert.Null(page.Document.QuerySelector("audio"));
        Assert.DoesNotContain("Litteraatio", page.Text);
    }

    [Fact]
    public async Task The_episode_page_plays_the_recording_with_the_transcript_and_show_notes()
    {
        var coordinator = await app.CoordinatorAsync();
        var transcript = "Juontaja: Tänään kotikäynneistä.\n\nAsumisohjaaja: Aamu alkaa kahvilla.\nJa sitten laskut.";
        var (slug, audio) = await PublishedEpisodeAsync(coordinator, Fields(EventTestData.Unique("Kotikäyntijakso"), number: "7", season: "3",
            duration: "31:05", transcript: transcript));

        var page = await WebBrowser.Open(app).OpenAsync("/materials/" + slug);

        var player = page.Document.QuerySelector("audio[controls]")!;
        var src = player.GetAttribute("src")!;
        Assert.StartsWith("/materials/files/", src);
        Assert.Equal(audio, await WebBrowser.Open(app).Client.GetByteArrayAsync(src));
        var heading = page.Document.QuerySelectorAll("h2").Single(h => h.TextContent == "Litteraatio");
        var shown = heading.NextElementSibling!;
        Assert.Equal("DETAILS", shown.TagName);
        Assert.True(shown.HasAttribute("open"));
        var paragraphs = shown.QuerySelectorAll("p").Select(p => string.Join(" ", p.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Equal(["Juontaja: Tänään kotikäynneistä.", "Asumisohjaaja: Aamu alkaa kahvilla. Ja sitten laskut."], paragraphs);
        // The speaker's second line starts a line of its own.
        Assert.Single(shown.QuerySelectorAll("p")[1].QuerySelectorAll("br"));
        Assert.NotNull(page.Document.QuerySelector("a[href='https://example.org/opas']"));
        var facts = page.Document.QuerySelector("dl.facts")!.TextContent;
        Assert.Contains("Jakson numero7", facts);
        Assert.Contains("Kausi3", facts);
        Assert.Equal("PT31M5S", page.Document.QuerySelector("dl.facts time")!.GetAttribute("datetime"));
        Assert.Contains("31:05", facts);
        Assert.NotNull(page.Document.QuerySelector("link[rel=alternate][type='application/rss+xml'][href='/podcast/feed']"));
    }

    [Fact]
    public async Task A_word_only_in_the_transcript_is_found_by_an_inflected_form()
    {
        var coordinator = await app.CoordinatorAsync();
        var (slug, _) = await PublishedEpisodeAsync(coordinator, Fields(EventTestData.Unique("Pohjoisen jakso"),
            transcript: "Vieras: Kävimme syksyllä tunturikylissä tapaamassa asukkaita."));

        var hits = await app.SearchAsync("tunturikylä");

        Assert.Contains(slug, hits.Items.Select(h => h.Slug));
    }

    [Fact]
    public async Task An_episode_with_a_recording_is_published_only_with_its_transcript()
    {
        var coordinator = await app.CoordinatorAsync();
        var title = EventTestData.Unique("Jakso ilman litteraatiota");
        var fields = Fields(title, transcript: "");
        var slug = await CreateAsync(coordinator, fields);
        await coordinator.UploadFileAsync(slug, SilentMp3.Create(1), "jakso.mp3", asRecording: true);

        var refused = await StepAsync(coordinator, slug, "Publish");

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("jaksolla on äänite mutta ei litteraatiota", refused.ErrorSummary);
        Assert.Equal(HttpStatusCode.NotFound, (await WebBrowser.Open(app).OpenAsync("/materials/" + slug)).Status);

        fields["Input.Transcript"] = "Juontaja: Nyt litteraatio on mukana.";
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitAsync($"/materials/{slug}/edit", fields)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(coordinator, slug, "Publish")).Status);
        Assert.Contains("Nyt litteraatio on mukana.", (await WebBrowser.Open(app).OpenAsync("/materials/" + slug)).Text);
    }

    [Fact]
    public async Task The_feed_is_RSS_2_with_the_tags_podcast_apps_read_and_only_published_episodes_with_a_recording()
    {
        var coordinator = await app.CoordinatorAsync();
        var member = await app.SignedInAsync("member");
        var (published, audio) = await PublishedEpisodeAsync(coordinator, Fields(EventTestData.Unique("Syötteen jakso"), number: "9", season: "2",
            duration: "1:02:03", showNotes: "Lähteet: [raportti](https://example.org/raportti)."));
        var draft = await CreateAsync(member, Fields(EventTestData.Unique("Luonnosjakso")));
        await member.UploadFileAsync(draft, SilentMp3.Create(1), "luonnos.mp3", asRecording: true);
        var proposed = await CreateAsync(member, Fields(EventTestData.Unique("Ehdotettu jakso")));
        await member.UploadFileAsync(proposed, SilentMp3.Create(1), "ehdotus.mp3", asRecording: true);
        await StepAsync(member, proposed, "Propose");
        var silent = await CreateAsync(coordinator, Fields(EventTestData.Unique("Jakso ilman ääntä")));
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(coordinator, silent, "Publish")).Status);
        var withdrawn = (await PublishedEpisodeAsync(coordinator, Fields(EventTestData.Unique("Vedetty jakso")))).Slug;
        await StepAsync(coordinator, withdrawn, "Return");

        var response = await WebBrowser.Open(app).Client.GetAsync(PodcastFeed.Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType!.MediaType);
        var xml = await response.Content.ReadAsByteArrayAsync();
        // A standard feed library reads it as RSS 2.0.
        var formatter = new Rss20FeedFormatter();
        using (var reader = XmlReader.Create(new MemoryStream(xml))) Assert.True(formatter.CanRead(reader));
        using (var reader = XmlReader.Create(new MemoryStream(xml))) formatter.ReadFrom(reader);
        SyndicationFeed feed;
        using (var reader = XmlReader.Create(new MemoryStream(xml))) feed = SyndicationFeed.Load(reader);
        Assert.Equal("Yhdessä – verkoston podcast", feed.Title.Text);
        Assert.Equal("fi", feed.Language);
        var page = "https://yhdessa.test/materials/" + published;
        var item = Assert.Single(feed.Items, i => i.Links.Any(l => l.Uri.AbsoluteUri == page));
        var enclosure = Assert.Single(item.Links, l => l.RelationshipType == "enclosure");
        Assert.True(enclosure.Uri.IsAbsoluteUri);
        Assert.Equal(audio.Length, enclosure.Length);
        Assert.Equal("audio/mpeg", enclosure.MediaType);
        // The day the episode came out, in Finland.
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 0, 0, 0, TimeSpan.FromHours(2)), item.PublishDate);
        Assert.Equal(audio, await WebBrowser.Open(app).Client.GetByteArrayAsync(enclosure.Uri.PathAndQuery));
        foreach (var other in new[] { draft, proposed, silent, withdrawn })
            Assert.DoesNotContain(feed.Items, i => i.Links.Any(l => l.Uri.AbsoluteUri.EndsWith("/materials/" + other)));

        // The elements podcast apps read, as the XML has them.
        var rss = XDocument.Load(new MemoryStream(xml)).Root!;
        Assert.Equal(("rss", "2.0"), (rss.Name.LocalName, rss.Attribute("version")?.Value));
        var channel = rss.Element("channel")!;
        Assert.All(new[] { "title", "link", "description", "language" }, name => Assert.False(string.IsNullOrEmpty(channel.Element(name)?.Value)));
        Assert.Equal("https://yhdessa.test/img/podcast-cover.png", channel.Element(Itunes + "image")!.Attribute("href")!.Value);
        Assert.Equal("false", channel.Element(Itunes + "explicit")!.Value);
        var element = channel.Elements("item").Single(i => i.Element("link")!.Value == page);
        Assert.Equal("3723", element.Element(Itunes + "duration")!.Value);
        Assert.Equal("9", element.Element(Itunes + "episode")!.Value);
        Assert.Equal("2", element.Element(Itunes + "season")!.Value);
        Assert.Equal("false", element.Element(Itunes + "explicit")!.Value);
        Assert.Contains("https://example.org/raportti", element.Element(XName.Get("encoded", "http://purl.org/rss/1.0/modules/content/"))!.Value);
        var guid = element.Element("guid")!;
        Assert.Equal("false", guid.Attribute("isPermaLink")!.Value);
        var url = element.Element("enclosure")!.Attribute("url")!.Value;
        Assert.StartsWith("https://yhdessa.test/materials/files/", url);
        Assert.EndsWith("/jakso.mp3", url);

        // An edit of the episode leaves it the same episode for the apps.
        var fields = Fields(element.Element("title")!.Value + " (korjattu)", number: "9", season: "2", duration: "1:02:03");
        await coordinator.SubmitAsync($"/materials/{published}/edit", fields);
        var again = XDocument.Load(await WebBrowser.Open(app).Client.GetStreamAsync(PodcastFeed.Path)).Root!.Element("channel")!
            .Elements("item").Single(i => i.Element("link")!.Value == page);
        Assert.Equal(guid.Value, again.Element("guid")!.Value);
        Assert.EndsWith("(korjattu)", again.Element("title")!.Value);
    }

    [Fact]
    public async Task The_list_of_podcast_episodes_offers_the_feed_to_browsers_and_people()
    {
        var list = await WebBrowser.Open(app).OpenAsync("/materials?type=PodcastEpisode");

        Assert.NotNull(list.Document.QuerySelector("head link[rel=alternate][type='application/rss+xml'][href='/podcast/feed']"));
        Assert.Equal("Tilaa podcast sovellukseesi (RSS-syöte)", list.Document.QuerySelector("main a[href='/podcast/feed']")!.TextContent);
        Assert.Null((await WebBrowser.Open(app).OpenAsync("/materials")).Document.QuerySelector("link[type='application/rss+xml']"));
    }

    [Fact]
    public async Task The_feed_speaks_Swedish_when_asked()
    {
        var feed = XDocument.Load(await WebBrowser.Open(app).Client.GetStreamAsync(PodcastFeed.Path + "?culture=sv")).Root!.Element("channel")!;

        Assert.Equal("Yhdessä – nätverkets podd", feed.Element("title")!.Value);
        Assert.Equal("sv", feed.Element("language")!.Value);
    }

    [Fact]
    public async Task A_range_request_on_the_recording_answers_206_with_those_bytes()
    {
        var coordinator = await app.CoordinatorAsync();
        var (slug, audio) = await PublishedEpisodeAsync(coordinator, Fields(EventTestData.Unique("Kelattava jakso")));
        var src = (await WebBrowser.Open(app).OpenAsync("/materials/" + slug)).Document.QuerySelector("audio")!.GetAttribute("src")!;
        var visitor = WebBrowser.Open(app).Client;

        using var request = new HttpRequestMessage(HttpMethod.Get, src) { Headers = { Range = new RangeHeaderValue(1000, 1999) } };
        var response = await visitor.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal($"bytes 1000-1999/{audio.Length}", response.Content.Headers.ContentRange!.ToString());
        Assert.Equal(audio[1000..2000], await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("bytes", (await visitor.GetAsync(src)).Headers.AcceptRanges.Single());
    }

    [Fact]
    public async Task A_new_recording_on_a_published_episode_leaves_the_earlier_one_with_the_earlier_version()
    {
        var coordinator = await app.CoordinatorAsync();
        var (slug, _) = await PublishedEpisodeAsync(coordinator, Fields(EventTestData.Unique("Uudelleen äänitetty jakso")));

        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.UploadFileAsync(slug, M4a(), "korjattu.m4a", asRecording: true)).Status);

        var page = await WebBrowser.Open(app).OpenAsync("/materials/" + slug);
        Assert.EndsWith("/korjattu.m4a", page.Document.QuerySelector("audio")!.GetAttribute("src"));
        var earlier = await WebBrowser.Open(app).OpenAsync($"/materials/{slug}/versions/1");
        var links = earlier.Document.QuerySelectorAll("main a[href^='/materials/files/']").Select(a => a.GetAttribute("href")!).ToList();
        Assert.EndsWith("/jakso.mp3", Assert.Single(links));
        var feed = await WebBrowser.Open(app).Client.GetStringAsync(PodcastFeed.Path);
        Assert.Contains("/korjattu.m4a", feed);
        Assert.DoesNotContain(links[0], feed);
    }
}

/// <summary>An episode's length as people write it.</summary>
public sealed class EpisodeDurationTests
{
    [Theory]
    [InlineData("24:30", 1470)]
    [InlineData("4:05", 245)]
    [InlineData("90:00", 5400)]
    [InlineData("1:05:00", 3900)]
    [InlineData(" 1.05.00 ", 3900)]
    [InlineData("24:00:00", 86400)]
    public void A_length_is_read_as_seconds(string written, int seconds) => Assert.Equal(seconds, EpisodeDuration.Parse(written));

    [Theory]
    [InlineData("")]
    [InlineData("0:00")]
    [InlineData("24:60")]
    [InlineData("1:60:00")]
    [InlineData("24:00:01")]
    [InlineData("1470")]
    [InlineData("٢٤:٣٠")]
    [InlineData("-1:30")]
    public void Other_text_is_no_length(string written) => Assert.Null(EpisodeDuration.Parse(written));

    [Theory]
    [InlineData(1470, "24:30")]
    [InlineData(65, "1:05")]
    [InlineData(3900, "1:05:00")]
    public void A_length_is_written_as_people_read_it(int seconds, string written) => Assert.Equal(written, EpisodeDuration.Text(seconds));
}
