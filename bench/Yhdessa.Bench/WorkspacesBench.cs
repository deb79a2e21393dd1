using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Features.Needs;
using Yhdessa.Features.Needs.Data;
using Yhdessa.Features.Workspaces;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;
using Yhdessa.Platform.Text;

namespace Yhdessa.Bench;

/// <summary>
/// The data of bench/workspaces.sh (issue 17): workspaces of pilots, projects and Change Laboratories with their
/// participants (people from the network's organisations, several workspaces a person for the most active), steering and
/// thematic groups, meetings with agendas and approved memos (notes, decisions, attendance), actions with owners and
/// deadlines (the older, the likelier done), the year clock's milestones (once, yearly, quarterly, monthly, some of them
/// windows) and a calendar feed for every workspace; a few public needs that workspaces answer. Generated straight into
/// the app's tables (<see cref="BulkRows"/>), deterministic for the same sizes apart from "now", which the times are
/// relative to. The jobs find nothing to do: every action the reminder job would remind is reminded, and this week's
/// digest is marked sent to everyone, so that only the load is measured.
/// </summary>
public static class WorkspacesBench
{
    /// <summary><paramref name="Participants"/> is the number of participations (rows), by at most <paramref name="People"/>
    /// accounts; <paramref name="Memos"/> meetings are held with an approved memo, and upcoming ones come on top.</summary>
    public sealed record Size(int Workspaces, int Participants, int People, int Actions, int Memos, int Needs);

    private static readonly string[] FirstNames =
    [
        "Aino", "Eero", "Helmi", "Juho", "Kaisa", "Lauri", "Maija", "Niko", "Oona", "Pekka", "Riikka", "Sami", "Tiina", "Ville",
        "Anneli", "Jari", "Leena", "Markku", "Pirjo", "Timo", "Sanna", "Mikko", "Heidi", "Antti", "Elina", "Tuomas", "Satu", "Janne",
        "Linnea", "Henrik", "Saara", "Ilkka", "Outi", "Kalle", "Minna", "Petri",
    ];
    private static readonly string[] LastNames =
    [
        "Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine", "Heikkinen", "Koskinen", "Järvinen",
        "Lehtonen", "Saarinen", "Salminen", "Heinonen", "Niemi", "Kinnunen", "Salonen", "Turunen", "Lindholm", "Rantanen",
        "Karjalainen", "Jokinen", "Pitkänen", "Räsänen", "Ahonen", "Lindström", "Väisänen", "Kettunen", "Hiltunen", "Partanen",
    ];
    // "Nuorten asumispolut Pirkanmaalla", "Häätöjen ehkäisyn pilotti Oulussa".
    private static readonly string[] Subjects =
    [
        "Nuorten asumispolut", "Häätöjen ehkäisy", "Asunto ensin -työn vahvistaminen", "Vuokravelkojen varhainen tunnistaminen",
        "Kotiutuminen vankilasta", "Sairaalasta kotiutuvien asuminen", "Naisten asunnottomuuden vähentäminen", "Jalkautuva asumisneuvonta",
        "Kokemusasiantuntijat palveluihin", "Päihdetyö ja asumisen tuki", "Tukiasuntojen jonojen purku", "Ikääntyvien asunnottomien tuki",
        "Maahan muuttaneiden asumisneuvonta", "Jälkihuollon nuorten itsenäistyminen", "Yöaikainen kriisimajoitus", "Velkaneuvonnan ja asumisen yhteistyö",
        "Asukasosallisuus asumisyksiköissä", "Digitaalinen asiointi asukkaan rinnalla", "Palveluohjauksen yhteinen malli", "Asunnottomuuden ennaltaehkäisy",
    ];
    private static readonly string[] Places =
    [
        "Pirkanmaalla", "Oulussa", "Turussa", "pääkaupunkiseudulla", "Kuopiossa", "Lahdessa", "Jyväskylässä", "Porissa", "Pohjois-Karjalassa",
        "Lapissa", "Kymenlaaksossa", "Satakunnassa", "Etelä-Pohjanmaalla", "Keski-Uudellamaalla", "Vantaalla", "Espoossa", "Helsingissä",
        "Kainuussa", "Päijät-Hämeessä", "Varsinais-Suomessa",
    ];
    private static readonly string[] Purposes =
    [
        "Hankkeessa kehitetään yhteinen toimintamalli kunnan, hyvinvointialueen ja järjestöjen kesken.",
        "Tavoitteena on, että asukas saa tukea ennen kuin asunto menetetään.",
        "Kokemusasiantuntijat ovat mukana suunnittelusta arviointiin asti.",
        "Pilotissa kokeillaan uutta tapaa tavoittaa ne, jotka jäävät palvelujen väliin.",
        "Työskentelemme muutoslaboratorion menetelmällä: nykytilan analyysi, uusi malli ja sen kokeilu.",
        "Tuloksia seurataan yhteisillä mittareilla, ja ne raportoidaan rahoittajalle neljännesvuosittain.",
        "Mukana on asumisneuvojia, sosiaalityöntekijöitä, vuokranantajia ja vertaistyöntekijöitä.",
        "Hanke kokoaa alueen hyvät käytännöt ja levittää ne verkoston kautta muualle Suomeen.",
        "Kehittämistyö perustuu Asunto ensin -periaatteeseen.",
        "Kokeilun aikana kerätään asukkaiden ja työntekijöiden palautetta kuukausittain.",
    ];
    private static readonly string[] Goals =
    [
        "häätöjen määrä vähenee", "asukas saa yhden yhteyshenkilön", "tieto kulkee kunnan ja järjestöjen välillä",
        "nuoret eivät jää ilman asuntoa jälkihuollon päättyessä", "vuokravelkaan puututaan kahden kuukauden kuluessa",
        "kokemusasiantuntijoille maksetaan palkkio yhtenäisin perustein", "työntekijät saavat yhteisen koulutuksen",
        "malli juurrutetaan osaksi hyvinvointialueen palveluja",
    ];
    private static readonly string[] MeetingTitles =
    [
        "Ohjausryhmän kokous", "Työryhmän tapaaminen", "Kehittäjäverkoston työpaja", "Muutoslaboratorion istunto", "Pilotin väliarviointi",
        "Kuukausipalaveri", "Kokemusasiantuntijoiden sparraus", "Yhteistyökumppanien tapaaminen", "Suunnittelupäivä", "Tilannekatsaus",
    ];
    private static readonly string[] AgendaTitles =
    [
        "Kokouksen avaus ja läsnäolijat", "Edellisen muistion tarkastus", "Pilotin tilannekatsaus", "Talousraportti ja rahoitus",
        "Kokemusasiantuntijoiden palaute", "Viestintäsuunnitelma", "Asiakaskyselyn tulokset", "Työpajan suunnittelu", "Mittarit ja seuranta",
        "Yhteistyö vuokranantajien kanssa", "Koulutustarpeet", "Seuraavat askeleet", "Muut asiat",
    ];
    private static readonly string[] Notes =
    [
        "Käytiin läpi edellisen kuukauden tilanne; asiakkaita on tavoitettu suunniteltua enemmän.",
        "Keskusteltiin siitä, miten vuokravelkatilanteet tunnistetaan aiemmin ja kuka ottaa ensimmäisen yhteyden.",
        "Kokemusasiantuntijat toivat esiin, että ohjeet ovat liian vaikeaselkoisia.",
        "Rahoittajan raportointiohjeet ovat muuttuneet: väliraporttiin tarvitaan myös asiakasmäärät kunnittain.",
        "Työpajan ajankohdaksi ehdotettiin syyskuuta; paikka varmistetaan seuraavaan kokoukseen mennessä.",
        "Todettiin, että tiedonkulku hyvinvointialueen kanssa on parantunut, mutta yhteyshenkilöt vaihtuvat usein.",
        "Asiakaskyselyyn vastasi 46 asukasta; tulokset kootaan yhteenvedoksi.",
        "Sovittiin, että jokainen organisaatio nimeää oman yhteyshenkilönsä pilottiin.",
        "Budjetti on toteutunut suunnitellusti; matkakuluja on jäänyt käyttämättä.",
        "Keskusteltiin mittareista: häätöjen määrä, vuokravelkojen määrä ja asiakkaiden kokemus tuesta.",
    ];
    private static readonly string[] Decisions =
    [
        "Päätettiin hyväksyä väliraportti rahoittajalle esitetyin muutoksin.", "Päätettiin järjestää yhteinen työpaja syksyllä.",
        "Päätettiin ottaa kokemusasiantuntijat mukaan ohjausryhmään.", "Päätettiin kokeilla yhteistä yhteydenottolomaketta kolmen kuukauden ajan.",
        "Päätettiin siirtää loppuseminaari kevääseen.", "Päätettiin julkaista toimintamallin kuvaus materiaalipankissa.",
        "Päätettiin käyttää säästyneet matkakulut koulutukseen.", "Päätettiin, että asiakaskysely toistetaan vuosittain.",
        "Päätettiin pyytää hyvinvointialueelta nimetty yhteyshenkilö.", "Päätettiin hyväksyä viestintäsuunnitelma.",
    ];
    private static readonly string[] ActionVerbs =
    [
        "Kokoaa", "Lähettää", "Valmistelee", "Selvittää", "Kutsuu", "Päivittää", "Varaa", "Kirjoittaa", "Tarkistaa", "Esittelee",
    ];
    private static readonly string[] ActionObjects =
    [
        "kyselyn tulokset seuraavaan kokoukseen", "muistion ohjausryhmälle", "rahoitushakemuksen luonnoksen", "kokemusasiantuntijat työpajaan",
        "toimintamallin kuvauksen", "tilan syysseminaarille", "uutiskirjeen jutun pilotista", "budjetin toteuman", "yhteystietolistan",
        "väliraportin tekstin", "asiakaspalautteen yhteenvedon", "koulutuksen ohjelman", "vuokranantajien tapaamisen", "mittariston luonnoksen",
    ];
    private static readonly (string Title, MilestoneKind Kind, MilestoneRepeat Repeat, int WindowDays)[] MilestoneKinds =
    [
        ("Väliraportti rahoittajalle", MilestoneKind.Reporting, MilestoneRepeat.Yearly, 0),
        ("Talousseuranta", MilestoneKind.Reporting, MilestoneRepeat.Quarterly, 0),
        ("Ohjausryhmä", MilestoneKind.Steering, MilestoneRepeat.Quarterly, 0),
        ("Asiakaskysely auki", MilestoneKind.Survey, MilestoneRepeat.Yearly, 14),
        ("Kesätauko", MilestoneKind.Holiday, MilestoneRepeat.Yearly, 35),
        ("Joulutauko", MilestoneKind.Holiday, MilestoneRepeat.Yearly, 12),
        ("Verkostoseminaari", MilestoneKind.Seminar, MilestoneRepeat.Once, 1),
        ("Kuukausikatsaus", MilestoneKind.Other, MilestoneRepeat.Monthly, 0),
        ("Loppuraportti", MilestoneKind.Reporting, MilestoneRepeat.Once, 0),
        ("Kehittämispäivä", MilestoneKind.Seminar, MilestoneRepeat.Yearly, 0),
        ("Arviointikysely työntekijöille", MilestoneKind.Survey, MilestoneRepeat.Once, 21),
    ];
    private static readonly string[] ThematicGroups = ["Työryhmä: asumisneuvonta", "Työryhmä: viestintä", "Työryhmä: arviointi", "Kokemusasiantuntijaryhmä"];

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Fills the database, printing a line per step; writes the calendar feeds' paths into <paramref name="outDirectory"/>.</summary>
    public static async Task SeedAsync(IServiceProvider services, Size size, string outDirectory, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<YhdessaDb>();
        var normalizer = services.GetRequiredService<ILookupNormalizer>();
        var similarity = services.GetRequiredService<NeedSimilarity>();
        var random = new Random(2017);
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(HelsinkiTime.ToHelsinki(now).DateTime);
        var clock = Stopwatch.StartNew();
        void Done(string what)
        {
            Console.WriteLine($"{what} in {clock.Elapsed.TotalSeconds:0.0} s.");
            clock.Restart();
        }
        // The session cookies of WriteSessionsAsync are protected with the app's keys in the database: made here, before
        // the app starts, so that the app and the sessions share it (as in NeedsBench).
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Yhdessa.Bench").Protect("key ring");

        // People: accounts of the network's workers, signed in later by WriteSessionsAsync (no password kept).
        var people = new List<User>(size.People);
        for (var i = 1; i <= size.People; i++)
        {
            var email = $"osallistuja{i:D5}@example.fi";
            var bytes = new byte[16];
            random.NextBytes(bytes);
            people.Add(new User
            {
                Id = new Guid(bytes).ToString(), UserName = email, NormalizedUserName = normalizer.NormalizeName(email), Email = email,
                NormalizedEmail = normalizer.NormalizeEmail(email), EmailConfirmed = true, LockoutEnabled = true,
                SecurityStamp = Convert.ToHexString(bytes), ConcurrencyStamp = new Guid(bytes.Reverse().ToArray()).ToString(),
                DisplayName = $"{Pick(random, FirstNames)} {Pick(random, LastNames)}",
                PreferredLanguage = random.Next(100) switch { < 90 => "fi", < 97 => "sv", _ => "en" },
                CreatedAt = now.AddDays(-random.Next(200, 2000)),
            });
        }
        await BulkRows.WriteAsync(db, people, cancellationToken);
        Done($"People: {people.Count:N0} accounts written");

        var themes = await db.EventThemes.Select(t => t.Id).ToListAsync(cancellationToken);
        var organisations = await db.Organisations.Select(o => o.Id).ToListAsync(cancellationToken);

        // A few public needs that workspaces answer (the needs bench has the needs feature's own data).
        var firstNeed = (await db.Needs.MaxAsync(n => (int?)n.Id, cancellationToken) ?? 0) + 1;
        var needs = new List<Need>();
        for (var i = 0; i < size.Needs; i++)
        {
            var kind = (NeedKind)(i % 3);
            var (title, description) = NeedsBench.Text(random, kind);
            var raised = now.AddDays(-random.Next(30, 1500));
            needs.Add(new Need
            {
                Id = firstNeed + i, Kind = kind, State = random.Next(3) == 0 ? NeedState.Planned : NeedState.InProgress, Title = title,
                Description = description, SearchTerms = similarity.TermsOf(title, description), RaisedAt = raised, ConfirmedAt = raised,
                UpdatedAt = raised.AddDays(20), Revision = 2, SupportCount = 0,
            });
        }
        await BulkRows.WriteAsync(db, needs, cancellationToken);

        // Workspaces: sizes with a long tail (a handful of people in a small pilot, over a hundred in a national project).
        var workspaces = new List<Workspace>(size.Workspaces);
        var names = new HashSet<string>();
        var slugs = new HashSet<string>(await db.Workspaces.Select(w => w.Slug).ToListAsync(cancellationToken));
        var firstWorkspace = (await db.Workspaces.MaxAsync(w => (int?)w.Id, cancellationToken) ?? 0) + 1;
        var token = new byte[24];
        for (var i = 0; i < size.Workspaces; i++)
        {
            var method = random.Next(100) switch { < 45 => WorkspaceMethod.Project, < 80 => WorkspaceMethod.Pilot, < 92 => WorkspaceMethod.ChangeLaboratory, _ => WorkspaceMethod.Other };
            var startsOn = today.AddDays(-random.Next(60, 1500));
            var status = startsOn.AddDays(700) < today && random.Next(2) == 0 ? WorkspaceStatus.Finished
                : random.Next(12) == 0 ? WorkspaceStatus.Planned : WorkspaceStatus.Active;
            if (status == WorkspaceStatus.Planned) startsOn = today.AddDays(random.Next(7, 90));
            var endsOn = status == WorkspaceStatus.Finished ? startsOn.AddDays(random.Next(500, 700)) : startsOn.AddDays(random.Next(730, 1460));
            var name = method switch
            {
                WorkspaceMethod.Pilot => $"{Pick(random, Subjects)}: pilotti {Pick(random, Places)}",
                WorkspaceMethod.ChangeLaboratory => $"Muutoslaboratorio: {Pick(random, Subjects).ToLowerInvariant()} {Pick(random, Places)}",
                _ => $"{Pick(random, Subjects)} {Pick(random, Places)}",
            };
            if (!names.Add(name)) { name = $"{name} {startsOn.Year}"; for (var n = 2; !names.Add(name); n++) name = $"{name[..name.LastIndexOf(' ')]} {startsOn.Year} ({n})"; }
            var slug = Slugs.FromName(name);
            for (var n = 2; !slugs.Add(slug); n++) slug = $"{Slugs.FromName(name)}-{n}";
            var purpose = string.Join(' ', Purposes.OrderBy(_ => random.Next()).Take(2 + random.Next(3))) + "\n\nTavoitteet:\n\n" +
                string.Join('\n', Goals.OrderBy(_ => random.Next()).Take(2 + random.Next(3)).Select(g => "- " + g));
            random.NextBytes(token);
            var created = HelsinkiTime.StartOfDay(startsOn.AddDays(-random.Next(10, 60))).AddHours(10);
            if (created > now.AddDays(-3)) created = now.AddDays(-random.Next(3, 30));
            var isPublic = random.Next(100) < (status == WorkspaceStatus.Finished ? 60 : 25);
            var workspace = new Workspace
            {
                Id = firstWorkspace + i, Slug = slug, Name = name, Purpose = purpose, Method = method, Status = status, StartsOn = startsOn, EndsOn = endsOn,
                IsPublic = isPublic, Outputs = isPublic && status == WorkspaceStatus.Finished ? "- Toimintamallin kuvaus materiaalipankissa\n- Loppuraportti\n- Koulutuskokonaisuus" : null,
                CreatedAt = created, UpdatedAt = created.AddDays(random.Next(1, 30)), Revision = 1 + random.Next(5),
                CalendarToken = Convert.ToHexStringLower(token), ShowsNetworkEvents = random.Next(10) == 0,
            };
            if (themes.Count > 0)
                workspace.Themes = [.. themes.OrderBy(_ => random.Next()).Take(1 + random.Next(Math.Min(3, themes.Count)))
                    .Select(t => new WorkspaceThemeLink { WorkspaceId = workspace.Id, ThemeId = t })];
            workspaces.Add(workspace);
        }
        var needLinks = new List<WorkspaceNeedLink>();
        if (needs.Count > 0)
            foreach (var workspace in workspaces)
                foreach (var need in needs.OrderBy(_ => random.Next()).Take(random.Next(4)))
                    needLinks.Add(new WorkspaceNeedLink { WorkspaceId = workspace.Id, NeedId = need.Id });

        // Participants: the size of each workspace from a log-normal spread, the people drawn with a long tail, so that a
        // few are in ten or more workspaces and most in one. The first of each workspace leads it.
        var weights = workspaces.Select(_ => Math.Exp(Gaussian(random) * 0.8)).ToArray();
        var wanted = weights.Select(w => Math.Clamp((int)Math.Round(size.Participants * w / weights.Sum()), 5, Math.Min(250, people.Count))).ToArray();
        for (var (diff, k) = (size.Participants - wanted.Sum(), 0); diff != 0; k = (k + 1) % wanted.Length)
        {
            var step = Math.Sign(diff);
            if (wanted[k] + step < 5 || wanted[k] + step > Math.Min(250, people.Count)) continue;
            wanted[k] += step;
            diff -= step;
        }
        var participants = new List<WorkspaceParticipant>(size.Participants);
        var byWorkspace = new Dictionary<int, List<WorkspaceParticipant>>();
        var chosen = new HashSet<int>();
        for (var i = 0; i < workspaces.Count; i++)
        {
            var workspace = workspaces[i];
            var partners = organisations.Count == 0 ? [] : organisations.OrderBy(_ => random.Next()).Take(3 + random.Next(10)).ToList();
            chosen.Clear();
            while (chosen.Count < wanted[i]) chosen.Add((int)(people.Count * Math.Pow(random.NextDouble(), 1.3)));
            var list = new List<WorkspaceParticipant>();
            var leads = 1 + random.Next(3);
            var lastDay = workspace.Status == WorkspaceStatus.Finished ? HelsinkiTime.StartOfDay(workspace.EndsOn!.Value) : now;
            foreach (var person in chosen)
            {
                var role = list.Count < leads ? WorkspaceRole.Lead : random.Next(10) == 0 ? WorkspaceRole.Observer : WorkspaceRole.Member;
                // Leads from the start; most others in the first months, some later.
                var joined = role == WorkspaceRole.Lead ? workspace.CreatedAt
                    : workspace.CreatedAt + (lastDay - workspace.CreatedAt) * (random.Next(5) == 0 ? random.NextDouble() : random.NextDouble() * 0.15);
                var visited = random.Next(10) < 7 ? now.AddMinutes(-random.Next(60, 60 * 24 * 30)) : (DateTimeOffset?)null;
                list.Add(new WorkspaceParticipant
                {
                    Id = participants.Count + list.Count + 1, WorkspaceId = workspace.Id, UserId = people[person].Id, Role = role,
                    OrganisationId = partners.Count > 0 && random.Next(10) > 0 ? Pick(random, partners) : null, JoinedAt = joined,
                    LastVisitAt = visited is { } v && v > joined ? v : null, DigestOff = random.Next(20) == 0, Revision = 1,
                });
            }
            participants.AddRange(list);
            byWorkspace[workspace.Id] = list;
        }
        var firstParticipant = (await db.WorkspaceParticipants.MaxAsync(p => (int?)p.Id, cancellationToken) ?? 0);
        foreach (var p in participants) p.Id += firstParticipant;

        // Groups of projects: a steering group of the leads and a few others, and up to two thematic groups.
        var groups = new List<WorkspaceGroup>();
        var groupMembers = new List<WorkspaceGroupMember>();
        var firstGroup = (await db.WorkspaceGroups.MaxAsync(g => (int?)g.Id, cancellationToken) ?? 0) + 1;
        var groupsOf = new Dictionary<int, List<int>>();
        foreach (var workspace in workspaces.Where(w => w.Method == WorkspaceMethod.Project))
        {
            var list = byWorkspace[workspace.Id];
            var ids = new List<int>();
            foreach (var (name, kind) in new[] { ("Ohjausryhmä", WorkspaceGroupKind.Steering) }
                         .Concat(ThematicGroups.OrderBy(_ => random.Next()).Take(random.Next(3)).Select(t => (t, WorkspaceGroupKind.Thematic))))
            {
                var group = new WorkspaceGroup { Id = firstGroup + groups.Count, WorkspaceId = workspace.Id, Name = name, Kind = kind, CreatedAt = workspace.CreatedAt.AddDays(3) };
                groups.Add(group);
                ids.Add(group.Id);
                var members = kind == WorkspaceGroupKind.Steering
                    ? list.Where(p => p.Role == WorkspaceRole.Lead).Concat(list.Where(p => p.Role == WorkspaceRole.Member).OrderBy(_ => random.Next()).Take(3 + random.Next(4)))
                    : list.Where(p => p.Role != WorkspaceRole.Observer).OrderBy(_ => random.Next()).Take(3 + random.Next(8));
                groupMembers.AddRange(members.Select(p => p.UserId).Distinct().Select(u => new WorkspaceGroupMember { GroupId = group.Id, UserId = u }));
            }
            groupsOf[workspace.Id] = ids;
        }

        // Meetings with approved memos: as many as asked, spread over the workspaces by their size and how long they have
        // run; upcoming meetings on top for the workspaces that run now. Ids grow with time, as in real use.
        var held = new List<WorkspaceMeeting>();
        var spans = workspaces.Select(w =>
        {
            var from = HelsinkiTime.StartOfDay(w.StartsOn!.Value);
            var to = w.Status == WorkspaceStatus.Finished ? HelsinkiTime.StartOfDay(w.EndsOn!.Value) : now.AddDays(-2);
            return (From: from, To: to < from ? from : to);
        }).ToArray();
        // A planned workspace has held none.
        var meetingWeights = workspaces.Select((w, i) => w.Status == WorkspaceStatus.Planned ? 0 : Math.Sqrt(wanted[i]) * Math.Max(30, (spans[i].To - spans[i].From).TotalDays)).ToArray();
        var meetingCounts = meetingWeights.Select(x => (int)(size.Memos * x / meetingWeights.Sum())).ToArray();
        for (var (rest, k) = (size.Memos - meetingCounts.Sum(), 0); rest > 0; k = (k + 1) % meetingCounts.Length)
            if (meetingWeights[k] > 0) { meetingCounts[k]++; rest--; }
        var all = new List<WorkspaceMeeting>();
        for (var i = 0; i < workspaces.Count; i++)
        {
            var (from, to) = spans[i];
            for (var m = 0; m < meetingCounts[i]; m++)
            {
                var day = DateOnly.FromDateTime(HelsinkiTime.ToHelsinki(from + (to - from) * random.NextDouble()).DateTime);
                if (day.DayOfWeek is DayOfWeek.Saturday) day = day.AddDays(-1);
                if (day.DayOfWeek is DayOfWeek.Sunday) day = day.AddDays(1);
                var starts = HelsinkiTime.StartOfDay(day).AddHours(random.Next(2) == 0 ? 9 : 13);
                if (starts > now.AddHours(-30)) starts = now.AddHours(-30 - random.Next(48));
                all.Add(NewMeeting(random, workspaces[i], starts, groupsOf));
            }
            if (workspaces[i].Status == WorkspaceStatus.Active)
                for (var m = random.Next(4); m > 0; m--)
                    all.Add(NewMeeting(random, workspaces[i], HelsinkiTime.StartOfDay(today.AddDays(random.Next(2, 90))).AddHours(random.Next(2) == 0 ? 9 : 13), groupsOf));
        }
        all.Sort((a, b) => a.StartsAt.CompareTo(b.StartsAt));
        var firstMeeting = (await db.WorkspaceMeetings.MaxAsync(m => (int?)m.Id, cancellationToken) ?? 0) + 1;
        for (var i = 0; i < all.Count; i++) all[i].Id = firstMeeting + i;
        var agenda = new List<WorkspaceAgendaItem>();
        var decisions = new List<WorkspaceDecision>();
        var attendance = new List<WorkspaceAttendance>();
        foreach (var series in all.GroupBy(m => m.WorkspaceId))
        {
            var list = byWorkspace[series.Key];
            var leads = list.Where(p => p.Role == WorkspaceRole.Lead).ToList();
            var meetings = series.ToList();
            for (var k = 0; k < meetings.Count; k++)
            {
                var meeting = meetings[k];
                var items = AgendaTitles.Take(1).Concat(AgendaTitles.Skip(1).Take(AgendaTitles.Length - 2).OrderBy(_ => random.Next()).Take(2 + random.Next(5)))
                    .Append(AgendaTitles[^1]).ToList();
                var isHeld = meeting.StartsAt < now.AddHours(-24);
                foreach (var (title, position) in items.Select((t, p) => (t, p + 1)))
                    meeting.Agenda.Add(new WorkspaceAgendaItem
                    {
                        MeetingId = meeting.Id, Position = position, Title = title,
                        Notes = isHeld && random.Next(10) < 8 ? string.Join(' ', Notes.OrderBy(_ => random.Next()).Take(1 + random.Next(3))) : null,
                    });
                agenda.AddRange(meeting.Agenda);
                if (!isHeld) continue;
                for (var d = 1 + random.Next(4); d > 0; d--)
                    decisions.Add(new WorkspaceDecision
                    {
                        MeetingId = meeting.Id, Text = Pick(random, Decisions), CreatedAt = meeting.StartsAt.AddHours(1 + random.NextDouble()),
                        AgendaItemId = random.Next(10) < 7 ? -(1 + random.Next(meeting.Agenda.Count)) : null, // the item's position for now
                    });
                foreach (var p in list.Where(p => p.JoinedAt <= meeting.StartsAt && random.Next(100) < (p.Role == WorkspaceRole.Lead ? 90 : 55)))
                    attendance.Add(new WorkspaceAttendance { MeetingId = meeting.Id, UserId = p.UserId });
                // Approved within a week, or at the next meeting when that was soon after.
                var next = k + 1 < meetings.Count ? meetings[k + 1] : null;
                if (next is not null && next.StartsAt < now.AddHours(-2) && next.StartsAt < meeting.StartsAt.AddDays(45) && random.Next(10) < 3)
                {
                    meeting.MemoApprovedAt = next.StartsAt.AddMinutes(20);
                    meeting.MemoApprovedAtMeetingId = next.Id;
                }
                else
                {
                    var approved = meeting.StartsAt.AddDays(1 + random.NextDouble() * 6);
                    meeting.MemoApprovedAt = approved < now.AddHours(-1) ? approved : now.AddHours(-1);
                }
                meeting.MemoApprovedById = Pick(random, leads).UserId;
                meeting.Revision += 2 + random.Next(6);
                held.Add(meeting);
            }
        }
        var firstItem = (await db.WorkspaceAgendaItems.MaxAsync(a => (int?)a.Id, cancellationToken) ?? 0) + 1;
        for (var i = 0; i < agenda.Count; i++) agenda[i].Id = firstItem + i;
        var itemsOf = all.ToDictionary(m => m.Id, m => m.Agenda);
        foreach (var decision in decisions)
            if (decision.AgendaItemId is { } position) decision.AgendaItemId = itemsOf[decision.MeetingId][-position - 1].Id;
        decisions.Sort((a, b) => a.CreatedAt.CompareTo(b.CreatedAt));
        var firstDecision = (await db.WorkspaceDecisions.MaxAsync(d => (int?)d.Id, cancellationToken) ?? 0) + 1;
        for (var i = 0; i < decisions.Count; i++) decisions[i].Id = firstDecision + i;

        // Actions: most recorded in a memo, the rest added on the actions page; owners who took part by then, leads
        // three times as likely. A deadline one to ten weeks on; the older, the likelier done. Every action the reminder job
        // would remind now has been reminded already.
        var actions = new List<WorkspaceAction>(size.Actions);
        var fromMemos = size.Actions * 95 / 100;
        var heldByWorkspace = held.GroupBy(m => m.WorkspaceId).ToDictionary(g => g.Key, g => g.ToList());
        var withMeetings = heldByWorkspace.Keys.ToList();
        for (var i = 0; i < size.Actions; i++)
        {
            WorkspaceMeeting? meeting = null;
            int workspaceId;
            DateTimeOffset created;
            if (i < fromMemos && held.Count > 0)
            {
                meeting = held[random.Next(held.Count)];
                workspaceId = meeting.WorkspaceId;
                created = meeting.StartsAt.AddHours(1 + random.NextDouble());
            }
            else
            {
                workspaceId = withMeetings.Count > 0 ? Pick(random, withMeetings) : workspaces[random.Next(workspaces.Count)].Id;
                var span = spans[workspaceId - firstWorkspace];
                created = span.From + (span.To - span.From) * Math.Sqrt(random.NextDouble());
            }
            var list = byWorkspace[workspaceId];
            var candidates = list.Where(p => p.JoinedAt <= created && p.Role != WorkspaceRole.Observer).ToList();
            if (candidates.Count == 0) candidates = list.Where(p => p.Role == WorkspaceRole.Lead).ToList();
            var owner = random.Next(4) == 0 ? candidates.Where(p => p.Role == WorkspaceRole.Lead).DefaultIfEmpty(candidates[0]).First() : Pick(random, candidates);
            var due = DateOnly.FromDateTime(HelsinkiTime.ToHelsinki(created).DateTime).AddDays(7 + random.Next(64));
            var overdueDays = today.DayNumber - due.DayNumber;
            var done = overdueDays > 14 ? random.Next(100) < 88 : overdueDays > 0 ? random.Next(100) < 50 : random.Next(100) < 15;
            DateTimeOffset? doneAt = null;
            if (done)
            {
                var by = HelsinkiTime.StartOfDay(due).AddDays(random.Next(-10, 8));
                if (by > now.AddHours(-1)) by = now.AddHours(-1 - random.Next(48));
                doneAt = by < created ? created.AddHours(2) : by;
            }
            var reminder = HelsinkiTime.StartOfDay(due.AddDays(-WorkspaceMail.ReminderDays));
            actions.Add(new WorkspaceAction
            {
                WorkspaceId = workspaceId, MeetingId = meeting?.Id, Text = $"{Pick(random, ActionVerbs)} {Pick(random, ActionObjects)}", OwnerId = owner.UserId,
                DueOn = due, CreatedAt = created, DoneAt = doneAt,
                RemindedAt = reminder <= now && (doneAt is null || doneAt > reminder) ? (reminder > created ? reminder : created) : null,
            });
        }
        actions.Sort((a, b) => a.CreatedAt.CompareTo(b.CreatedAt));
        var firstAction = (await db.WorkspaceActions.MaxAsync(a => (int?)a.Id, cancellationToken) ?? 0) + 1;
        for (var i = 0; i < actions.Count; i++) actions[i].Id = firstAction + i;

        // The year clock: four to twelve milestones a workspace, most of them repeating.
        var milestones = new List<WorkspaceMilestone>();
        foreach (var workspace in workspaces)
            foreach (var (title, kind, repeat, window) in MilestoneKinds.OrderBy(_ => random.Next()).Take(4 + random.Next(8)))
            {
                var starts = kind switch
                {
                    MilestoneKind.Holiday when title == "Kesätauko" => new DateOnly(workspace.StartsOn!.Value.Year, 6, 20 + random.Next(5)),
                    MilestoneKind.Holiday => new DateOnly(workspace.StartsOn!.Value.Year, 12, 20 + random.Next(3)),
                    _ when repeat == MilestoneRepeat.Once => workspace.EndsOn!.Value.AddDays(-random.Next(0, 120)),
                    _ => workspace.StartsOn!.Value.AddDays(random.Next(0, 90)),
                };
                milestones.Add(new WorkspaceMilestone
                {
                    Id = milestones.Count + 1, WorkspaceId = workspace.Id, Title = title, Kind = kind, Repeat = repeat, StartsOn = starts,
                    EndsOn = window > 1 ? starts.AddDays(window - 1) : null, CreatedAt = workspace.CreatedAt.AddDays(random.Next(1, 30)),
                });
            }
        var firstMilestone = (await db.WorkspaceMilestones.MaxAsync(m => (int?)m.Id, cancellationToken) ?? 0);
        foreach (var m in milestones) m.Id += firstMilestone;
        var distinctPeople = participants.Select(p => p.UserId).Distinct().ToList();
        // This week's digest went to everyone already: the digest job finds nobody during the run.
        var week = WorkspaceDigests.WeekStart(now);
        var digests = distinctPeople.Select(u => new WorkspaceDigest { UserId = u, SentAt = week }).ToList();
        Done($"Workspaces: {workspaces.Count:N0} generated with their meetings, memos and actions");

        await BulkRows.WriteAsync(db, workspaces, cancellationToken);
        await BulkRows.WriteAsync(db, workspaces.SelectMany(w => w.Themes), cancellationToken);
        await BulkRows.WriteAsync(db, needLinks, cancellationToken);
        await BulkRows.WriteAsync(db, participants, cancellationToken);
        await BulkRows.WriteAsync(db, groups, cancellationToken);
        await BulkRows.WriteAsync(db, groupMembers, cancellationToken);
        // Newest first: a memo approved "at" a later meeting refers to that meeting, which must be there (SQLite checks at once).
        await BulkRows.WriteAsync(db, all.AsEnumerable().Reverse(), cancellationToken);
        await BulkRows.WriteAsync(db, agenda, cancellationToken);
        await BulkRows.WriteAsync(db, decisions, cancellationToken);
        await BulkRows.WriteAsync(db, attendance, cancellationToken);
        await BulkRows.WriteAsync(db, actions, cancellationToken);
        await BulkRows.WriteAsync(db, milestones, cancellationToken);
        await BulkRows.WriteAsync(db, digests, cancellationToken);
        var perPerson = participants.GroupBy(p => p.UserId).Select(g => g.Count()).ToList();
        var open = actions.Count(a => a.DoneAt is null);
        Done($"Workspaces: {workspaces.Count:N0} written ({workspaces.Count(w => w.Status == WorkspaceStatus.Active):N0} active, " +
            $"{workspaces.Count(w => w.IsPublic):N0} public, {workspaces.Count(w => w.ShowsNetworkEvents):N0} showing network events); " +
            $"{participants.Count:N0} participants, {distinctPeople.Count:N0} people (1 to {perPerson.Max()} workspaces each, " +
            $"{perPerson.Count(c => c > 1):N0} in more than one; {wanted.Min()} to {wanted.Max()} a workspace, median {wanted.Order().ElementAt(wanted.Length / 2)}); " +
            $"{groups.Count:N0} groups; {held.Count:N0} meetings with approved memos and {all.Count - held.Count:N0} upcoming, " +
            $"{agenda.Count:N0} agenda items, {decisions.Count:N0} decisions, {attendance.Count:N0} attendances; " +
            $"{actions.Count:N0} actions ({open:N0} open, {actions.Count(a => a.DoneAt is null && a.DueOn < today):N0} of them overdue); " +
            $"{milestones.Count:N0} milestones ({milestones.Count(m => m.Repeat != MilestoneRepeat.Once):N0} repeating); {needLinks.Count:N0} links to {needs.Count:N0} needs");

        await AnalyzeAsync(db, cancellationToken);
        Done("Statistics of the tables gathered (ANALYZE)");

        var feeds = workspaces.OrderBy(_ => random.Next()).Select(w => "/workspaces/calendar/" + w.CalendarToken).ToList();
        await File.WriteAllLinesAsync(Path.Combine(outDirectory, "calendar-paths.txt"), feeds, cancellationToken);
    }

    private static WorkspaceMeeting NewMeeting(Random random, Workspace workspace, DateTimeOffset starts, Dictionary<int, List<int>> groupsOf)
    {
        int? group = groupsOf.TryGetValue(workspace.Id, out var groups) && random.Next(4) == 0 ? Pick(random, groups) : null;
        var online = random.Next(3) > 0;
        var created = starts.AddDays(-random.Next(7, 40));
        if (created < workspace.CreatedAt) created = workspace.CreatedAt;
        return new WorkspaceMeeting
        {
            WorkspaceId = workspace.Id, GroupId = group, Title = Pick(random, MeetingTitles), StartsAt = starts, EndsAt = starts.AddHours(random.Next(2) == 0 ? 1.5 : 2),
            Place = online && random.Next(2) == 0 ? null : $"{Pick(random, new[] { "Kalevankatu 8", "Hämeenkatu 13", "Kauppakatu 25", "Asemakatu 2" })}, neuvotteluhuone",
            OnlineLink = online ? "https://meet.example.fi/" + workspace.Slug : null, CreatedAt = created, InvitedAt = created.AddMinutes(5), Revision = 1,
        };
    }

    /// <summary>Writes "user id, tab, the slug of one of her workspaces, tab, Cookie header value" for <paramref name="count"/>
    /// people drawn at random from the participations (so that people in many workspaces come up as often as they take
    /// part), each with a session as signing in gives (<see cref="NeedsSupportLoad.SessionCookieAsync"/>). Prints how many
    /// open actions their lists hold.</summary>
    public static async Task<int> WriteSessionsAsync(IServiceProvider services, int count, string file)
    {
        var db = services.GetRequiredService<YhdessaDb>();
        var random = new Random(1717);
        var rows = await (from p in db.WorkspaceParticipants
                          join w in db.Workspaces on p.WorkspaceId equals w.Id
                          join u in db.Users on p.UserId equals u.Id
                          where u.Email!.StartsWith("osallistuja")
                          orderby p.Id
                          select new { p.UserId, w.Slug }).AsNoTracking().ToListAsync();
        var pool = rows.OrderBy(_ => random.Next()).DistinctBy(r => r.UserId).Take(count).ToList();
        var ids = pool.Select(r => r.UserId).ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id);
        var lines = new List<string>();
        foreach (var row in pool) lines.Add($"{row.UserId}\t{row.Slug}\t{await NeedsSupportLoad.SessionCookieAsync(services, users[row.UserId])}");
        await File.WriteAllLinesAsync(file, lines);
        var open = await db.WorkspaceActions.Where(a => a.OwnerId != null && ids.Contains(a.OwnerId) && a.DoneAt == null)
            .GroupBy(a => a.OwnerId).Select(g => g.Count()).ToListAsync();
        var counts = open.Concat(Enumerable.Repeat(0, ids.Count - open.Count)).Order().ToList();
        var sizes = await db.WorkspaceParticipants.Where(p => ids.Contains(p.UserId)).GroupBy(p => p.UserId).Select(g => g.Count()).ToListAsync();
        Console.WriteLine($"Sessions: {lines.Count} written to {file}; their open actions: median {counts[counts.Count / 2]}, " +
            $"mean {counts.Average():0.0}, most {counts[^1]}, none for {counts.Count(c => c == 0)}; their workspaces: 1 to {sizes.Max()}, mean {sizes.Average():0.0}.");
        return lines.Count == count ? 0 : 1;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static async Task AnalyzeAsync(YhdessaDb db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(cancellationToken);
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        await analyze.ExecuteNonQueryAsync(cancellationToken);
    }
}
