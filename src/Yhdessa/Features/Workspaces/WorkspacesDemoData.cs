using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Materials.Files;
using Yhdessa.Features.Workspaces.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Workspaces;

/// <summary>
/// A multi-organisation project modelled on the nine-organisation project of the seeds (invented people, names and
/// memos), with the demo member taking part, and a finished service-path pilot that has published its public page.
/// Runs after the network (its organisations and people) and works without the demo accounts.
/// </summary>
public sealed class WorkspacesDemoData(YhdessaDb db, UserManager<User> users, IFileStore store, TimeProvider clock) : IDemoData
{
    public int Order => 60;

    private static readonly (string Name, string Email, string Organisation, WorkspaceRole Role)[] ProjectPeople =
    [
        ("Aino Virtanen", "aino.virtanen@demo.example.org", "Y-Säätiö", WorkspaceRole.Lead),
        ("Erik Sjöberg", "erik.sjoberg@demo.example.org", "Diakonissalaitos", WorkspaceRole.Member),
        ("Linnea Åberg", "linnea.aberg@demo.example.org", "Ensi- ja turvakotien liitto", WorkspaceRole.Member),
        ("Hanna Rautio", "hanna.rautio@demo.example.org", "Helsingin ensikoti ry", WorkspaceRole.Member),
        ("Outi Salminen", "outi.salminen@demo.example.org", "Turun ensi- ja turvakoti ry", WorkspaceRole.Member),
        ("Ulla Nyström", "ulla.nystrom@demo.example.org", "Sininauhasäätiö", WorkspaceRole.Member),
        ("Riikka Kallio", "riikka.kallio@demo.example.org", "EJY ry", WorkspaceRole.Member),
        ("Marja Heino", "marja.heino@demo.example.org", "A-klinikkasäätiö", WorkspaceRole.Member),
        ("Sanna Mäkinen", "sanna.makinen@demo.example.org", "Vailla vakinaista asuntoa ry", WorkspaceRole.Member),
        ("Juha Heikkinen", "juha.heikkinen@demo.example.org", "Asumisen rahoitus- ja kehittämiskeskus ARA", WorkspaceRole.Observer),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Workspaces.AnyAsync(cancellationToken)) return;
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(HelsinkiTime.ToHelsinki(now).DateTime);
        var organisations = await db.Organisations.ToDictionaryAsync(o => o.NameFi, o => o.Id, cancellationToken);

        var project = new Workspace
        {
            Slug = "naiset-asumisen-polulla", Name = "Naiset asumisen polulla – monitoimijainen kehittämishanke",
            Purpose = "Yhdeksän organisaation yhteinen hanke naisten asunnottomuuden poistamiseksi asumispolkuja turvaamalla.\n\n" +
                "Osahankkeet kehittävät naiserityisiä asumisen tukimalleja, ammattilaisten osaamista ja kokemusasiantuntijuutta. " +
                "Yhteiset tavoitteet, kokoukset, muistiot ja raportointi hoidetaan tässä työtilassa.",
            Method = WorkspaceMethod.Project, Status = WorkspaceStatus.Active, StartsOn = new DateOnly(today.Year - 1, 1, 1),
            EndsOn = new DateOnly(today.Year + 1, 12, 31), IsPublic = true,
            Outputs = "Ensimmäisen vuoden tuotoksena valmistuu yhteinen kuvaus naiserityisestä asumisen tuesta.",
            ShowsNetworkEvents = true, CalendarToken = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)),
            CreatedAt = now.AddMonths(-10), UpdatedAt = now.AddMonths(-10),
        };
        var pilot = new Workspace
        {
            Slug = "vastaanottokeskuksesta-kotiin", Name = "Vastaanottokeskuksesta kotiin – palvelupolkupilotti",
            Purpose = "Pilotissa ammattilaiset 18 organisaatiosta kuvasivat yhdessä palvelupolun vastaanottokeskuksesta omaan kotiin: " +
                "asiakkaan tarpeet polun eri vaiheissa, niihin vastaavat palvelut ja kunkin toimijan roolin.",
            Method = WorkspaceMethod.Pilot, Status = WorkspaceStatus.Finished, StartsOn = new DateOnly(today.Year - 1, 2, 1),
            EndsOn = new DateOnly(today.Year - 1, 11, 30), IsPublic = true,
            Outputs = "Palvelupolun kuvaus ja suositukset kunnille asumisvalmennuksen järjestämisestä.",
            CreatedAt = now.AddMonths(-22), UpdatedAt = now.AddMonths(-12),
        };
        db.Workspaces.AddRange(project, pilot);
        await db.SaveChangesAsync(cancellationToken);

        var people = new Dictionary<string, string>();
        foreach (var person in ProjectPeople)
        {
            var user = await users.FindByEmailAsync(person.Email);
            if (user is null)
            {
                // No password: these invented people fill the workspace and cannot sign in.
                user = new User { UserName = person.Email, Email = person.Email, EmailConfirmed = true, DisplayName = person.Name, CreatedAt = now };
                var created = await users.CreateAsync(user);
                if (!created.Succeeded) throw new InvalidOperationException("Could not create a demo person: " + created.Errors.First().Description);
            }
            people[person.Name] = user.Id;
            db.WorkspaceParticipants.Add(new WorkspaceParticipant
            {
                WorkspaceId = project.Id, UserId = user.Id, Role = person.Role, OrganisationId = organisations.GetValueOrDefault(person.Organisation),
                JoinedAt = project.CreatedAt, LastVisitAt = now.AddDays(-3),
            });
        }
        db.WorkspaceParticipants.Add(new WorkspaceParticipant
        {
            WorkspaceId = pilot.Id, UserId = people["Aino Virtanen"], Role = WorkspaceRole.Lead, OrganisationId = organisations.GetValueOrDefault("Y-Säätiö"),
            JoinedAt = pilot.CreatedAt,
        });
        var member = await users.FindByEmailAsync(DemoAccounts.Member);
        if (member is not null)
        {
            db.WorkspaceParticipants.Add(new WorkspaceParticipant
            {
                WorkspaceId = project.Id, UserId = member.Id, Role = WorkspaceRole.Member, OrganisationId = organisations.GetValueOrDefault("Y-Säätiö"),
                JoinedAt = project.CreatedAt, LastVisitAt = now.AddDays(-10),
            });
        }

        // A year of project meetings: two approved memos, the last one still open, and the next meeting to come.
        var owner = member?.Id ?? people["Erik Sjöberg"];
        WorkspaceMeeting Meeting(string title, int daysFromNow, params (string Item, string? Notes)[] agenda)
        {
            var day = HelsinkiTime.StartOfDay(today.AddDays(daysFromNow)).AddHours(9);
            var meeting = new WorkspaceMeeting
            {
                WorkspaceId = project.Id, Title = title, StartsAt = day, EndsAt = day.AddHours(3), Place = "Y-Säätiö, Kokoushuone Kivi",
                OnlineLink = "https://meet.example.org/naiset-asumisen-polulla", CreatedAt = day.AddDays(-21), InvitedAt = day.AddDays(-14),
                Agenda = [.. agenda.Select((a, i) => new WorkspaceAgendaItem { Position = i + 1, Title = a.Item, Notes = a.Notes })],
            };
            db.WorkspaceMeetings.Add(meeting);
            return meeting;
        }
        var kickoff = Meeting("Hankeryhmän aloituskokous", -120,
            ("Avaus ja tutustuminen", "Kukin osahanke esitteli oman organisaationsa ja kohderyhmänsä."),
            ("Hankkeen yhteiset tavoitteet", "Käytiin läpi hankesuunnitelman päätavoite ja viisi osatavoitetta."),
            ("Työskentelytavat", "Sovittiin kuukausittaisista hankeryhmän kokouksista ja teemallisista kehittämisryhmistä."));
        var spring = Meeting("Hankeryhmän kokous: osahankkeiden tavoitteet", -60,
            ("Edellisen kokouksen muistion hyväksyminen", null),
            ("Osahankkeiden tavoitteet", "Osahankkeet esittelivät tavoitteensa ja mittarinsa."),
            ("Raportointi rahoittajalle", "Väliraportin aikataulu käytiin läpi."));
        var summer = Meeting("Hankeryhmän kokous: asumispolkujen vaiheet", -14,
            ("Edellisen kokouksen muistion hyväksyminen", null),
            ("Teemaryhmien kuulumiset", "Asumisen alkuvaiheen ryhmä on koonnut hyviä käytäntöjä."),
            ("Seminaarin suunnittelu", null));
        Meeting("Hankeryhmän kokous: syksyn seminaari", 21, ("Edellisen kokouksen muistion hyväksyminen", null), ("Seminaarin ohjelma", null));
        await db.SaveChangesAsync(cancellationToken);

        kickoff.MemoApprovedAt = spring.StartsAt.AddHours(1);
        kickoff.MemoApprovedAtMeetingId = spring.Id;
        kickoff.MemoApprovedById = people["Aino Virtanen"];
        spring.MemoApprovedAt = summer.StartsAt.AddHours(1);
        spring.MemoApprovedAtMeetingId = summer.Id;
        spring.MemoApprovedById = people["Aino Virtanen"];
        foreach (var meeting in new[] { kickoff, spring, summer })
            db.WorkspaceAttendances.AddRange(people.Values.Take(8).Append(owner).Distinct().Select(p => new WorkspaceAttendance { MeetingId = meeting.Id, UserId = p }));
        db.WorkspaceDecisions.AddRange(
            new WorkspaceDecision { MeetingId = kickoff.Id, AgendaItemId = kickoff.Agenda[2].Id, Text = "Hankeryhmä kokoontuu kuukausittain; teemaryhmät sopivat omat aikansa.", CreatedAt = kickoff.StartsAt },
            new WorkspaceDecision { MeetingId = spring.Id, AgendaItemId = spring.Agenda[1].Id, Text = "Osahankkeiden tavoitteet hyväksytään liitteen mukaisina.", CreatedAt = spring.StartsAt },
            new WorkspaceDecision { MeetingId = summer.Id, AgendaItemId = summer.Agenda[2].Id, Text = "Syksyn seminaari järjestetään Helsingissä yhdessä teemaryhmien kanssa.", CreatedAt = summer.StartsAt });
        db.WorkspaceActions.AddRange(
            new WorkspaceAction
            {
                WorkspaceId = project.Id, MeetingId = kickoff.Id, Text = "Kootaan osahankkeiden yhteystiedot työtilaan.", OwnerId = people["Aino Virtanen"],
                DueOn = today.AddDays(-100), CreatedAt = kickoff.StartsAt, DoneAt = kickoff.StartsAt.AddDays(5), RemindedAt = kickoff.StartsAt.AddDays(4)
            },
            new WorkspaceAction
            {
                WorkspaceId = project.Id, MeetingId = summer.Id, Text = "Luonnostellaan seminaarin ohjelma teemaryhmien ehdotuksista.", OwnerId = owner,
                DueOn = today.AddDays(10), CreatedAt = summer.StartsAt
            },
            new WorkspaceAction
            {
                WorkspaceId = project.Id, MeetingId = summer.Id, Text = "Kerätään osahankkeiden luvut väliraporttiin.", OwnerId = owner,
                DueOn = today.AddDays(30), CreatedAt = summer.StartsAt
            },
            new WorkspaceAction
            {
                WorkspaceId = project.Id, MeetingId = summer.Id, Text = "Varataan seminaaritila.", OwnerId = people["Erik Sjöberg"],
                DueOn = today.AddDays(5), CreatedAt = summer.StartsAt
            });
        // The steering group and a thematic group, each with its members, and the steering group's next meeting.
        var steering = new WorkspaceGroup { WorkspaceId = project.Id, Name = "Ohjausryhmä", Kind = WorkspaceGroupKind.Steering, CreatedAt = project.CreatedAt };
        var thematic = new WorkspaceGroup { WorkspaceId = project.Id, Name = "Asumisen alkuvaiheen teemaryhmä", Kind = WorkspaceGroupKind.Thematic, CreatedAt = project.CreatedAt };
        db.WorkspaceGroups.AddRange(steering, thematic);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var name in new[] { "Aino Virtanen", "Erik Sjöberg", "Juha Heikkinen" })
            db.WorkspaceGroupMembers.Add(new WorkspaceGroupMember { GroupId = steering.Id, UserId = people[name] });
        foreach (var id in new[] { people["Linnea Åberg"], people["Hanna Rautio"], owner })
            db.WorkspaceGroupMembers.Add(new WorkspaceGroupMember { GroupId = thematic.Id, UserId = id });
        var steeringDay = HelsinkiTime.StartOfDay(today.AddDays(40)).AddHours(13);
        db.WorkspaceMeetings.Add(new WorkspaceMeeting
        {
            WorkspaceId = project.Id, GroupId = steering.Id, Title = "Ohjausryhmän kokous", StartsAt = steeringDay, EndsAt = steeringDay.AddHours(2),
            OnlineLink = "https://meet.example.org/ohjausryhma", CreatedAt = now,
            Agenda = [new WorkspaceAgendaItem { Position = 1, Title = "Hankkeen tilannekatsaus" }, new WorkspaceAgendaItem { Position = 2, Title = "Talousarvion toteutuma" }],
        });

        // The year clock: the funder's deadlines, the steering group, work monitoring, a seminar and the summer break.
        var year = today.Year;
        db.WorkspaceMilestones.AddRange(
            new WorkspaceMilestone { WorkspaceId = project.Id, Title = "Vuosiselvitys ja tilinpäätös rahoittajalle", Kind = MilestoneKind.Reporting, Repeat = MilestoneRepeat.Yearly, StartsOn = new DateOnly(year, 4, 30), CreatedAt = now },
            new WorkspaceMilestone { WorkspaceId = project.Id, Title = "Avustushakemus seuraavalle vuodelle", Kind = MilestoneKind.Reporting, Repeat = MilestoneRepeat.Yearly, StartsOn = new DateOnly(year, 5, 31), CreatedAt = now },
            new WorkspaceMilestone { WorkspaceId = project.Id, Title = "Ohjausryhmän kokous", Kind = MilestoneKind.Steering, Repeat = MilestoneRepeat.Quarterly, StartsOn = new DateOnly(year, 2, 15), CreatedAt = now },
            new WorkspaceMilestone { WorkspaceId = project.Id, Title = "Työn seurantalomake osahankkeille", Kind = MilestoneKind.Survey, Repeat = MilestoneRepeat.Quarterly, StartsOn = new DateOnly(year, 3, 20), EndsOn = new DateOnly(year, 3, 31), CreatedAt = now },
            new WorkspaceMilestone { WorkspaceId = project.Id, Title = "Hankkeen syysseminaari", Kind = MilestoneKind.Seminar, Repeat = MilestoneRepeat.Once, StartsOn = new DateOnly(year, 10, 15), CreatedAt = now },
            new WorkspaceMilestone { WorkspaceId = project.Id, Title = "Kesätauko", Kind = MilestoneKind.Holiday, Repeat = MilestoneRepeat.Yearly, StartsOn = new DateOnly(year, 7, 1), EndsOn = new DateOnly(year, 7, 31), CreatedAt = now });

        // The project plan in two versions, as the project's documents.
        var plan = new WorkspaceDocument { WorkspaceId = project.Id, Title = "Hankesuunnitelma", CreatedAt = project.CreatedAt, UpdatedAt = summer.StartsAt };
        foreach (var (number, text, at) in new[]
        {
            (1, "Hankkeen tavoitteet, osahankkeet ja aikataulu. Luonnos hankeryhmän käsittelyyn.", kickoff.StartsAt),
            (2, "Hankkeen tavoitteet, osahankkeet ja aikataulu. Päivitetty osahankkeiden tavoitteilla ja mittareilla.", summer.StartsAt),
        })
        {
            var content = SimplePdf.Create("Hankesuunnitelma", text);
            var stored = Guid.NewGuid().ToString("N") + ".pdf";
            await using (var file = new MemoryStream(content)) await store.SaveAsync(stored, file, cancellationToken);
            plan.Versions.Add(new WorkspaceDocumentVersion
            {
                Number = number, FileName = $"hankesuunnitelma-v{number}.pdf", StoredName = stored, ContentType = MaterialFiles.Pdf.ContentType,
                Size = content.Length, Text = text, AddedById = people["Aino Virtanen"], AddedAt = at,
                Note = number == 2 ? "Osahankkeiden tavoitteet lisätty." : null,
            });
        }
        db.WorkspaceDocuments.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
    }
}
