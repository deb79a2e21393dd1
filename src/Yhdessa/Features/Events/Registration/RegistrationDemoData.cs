using Microsoft.EntityFrameworkCore;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Events.Registration;

/// <summary>
/// Registrations for the demo events (Order 25, after the events): the upcoming workshop full with a waiting list and
/// an open offer, the study trip by approval with people awaiting it, seats of the autumn seminar reserved for experts
/// by experience, the demo member registered to the next training (so the online link shows), and past events with
/// attended participants and some no-shows, for attendance and feedback.
/// </summary>
public sealed class RegistrationDemoData(YhdessaDb db, TimeProvider clock) : IDemoData
{
    public int Order => 25;

    private static readonly string[] FirstNames =
        ["Aino", "Eero", "Helmi", "Juho", "Kaisa", "Lauri", "Maria", "Niko", "Oona", "Pasi", "Riikka", "Sami", "Tuula", "Ville",
         "Anna-Liisa", "Björn", "Elsa", "Frida", "Hannes", "Ida"];
    private static readonly string[] LastNames =
        ["Aaltonen", "Berg", "Heinonen", "Jokinen", "Karvonen", "Lindqvist", "Mattila", "Nurmi", "Ojala", "Rantanen",
         "Salo", "Tuominen", "Väisänen", "Wikström"];
    private static readonly string[] GuestOrganisations =
        ["Kuopion kaupunki", "Oulun Diakonissalaitos", "Jyväskylän kaupunki", "Porin kaupunki", "Rovaniemen seurakuntayhtymä",
         "Joensuun kaupunki", "Vaasan kaupunki"];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.EventRegistrations.AnyAsync(cancellationToken)) return;
        var now = clock.GetUtcNow();
        var events = await db.Events.AsNoTracking().ToListAsync(cancellationToken);
        if (events.Count == 0) return;
        var members = await (
                from u in db.Users
                where u.Email!.EndsWith("@demo.example.org") || u.Email == "member@example.org"
                join p in db.PersonProfiles.Include(p => p.Affiliations).ThenInclude(a => a.Organisation) on u.Id equals p.UserId into profiles
                from p in profiles.DefaultIfEmpty()
                orderby u.Email
                select new { u.Id, u.DisplayName, u.Email, u.PreferredLanguage, Profile = p })
            .ToListAsync(cancellationToken);
        var people = members.Select(m =>
        {
            var organisation = m.Profile?.Affiliations.Select(a => a.Organisation).FirstOrDefault(o => o is not null);
            return new Person(m.Id, m.DisplayName, m.Email!, organisation?.Id, organisation?.NameFi, organisation?.Sector,
                m.PreferredLanguage, m.Profile?.IsExpertByExperience ?? false);
        }).ToList();
        var guest = 0;
        Person Guest()
        {
            var first = FirstNames[guest % FirstNames.Length];
            var last = LastNames[guest * 7 % LastNames.Length];
            var organisation = GuestOrganisations[guest % GuestOrganisations.Length];
            guest++;
            var email = $"{Slugs.FromName(first)}.{Slugs.FromName(last)}.{guest}@guest.example.org";
            return new Person(null, $"{first} {last}", email, null, organisation, organisation.Contains("kaupunki") ? Sector.City : null,
                guest % 5 == 0 ? "sv" : "fi", false);
        }
        IEnumerable<Person> Crowd(int count) => people.Concat(Enumerable.Range(0, Math.Max(0, count - people.Count)).Select(_ => Guest())).Take(count);

        EventRegistration Add(Event ev, Person p, RegistrationStatus status, int minutesAfterOpening)
        {
            var registeredAt = (ev.RegistrationOpensAt ?? ev.StartsAt.AddDays(-30)).AddMinutes(minutesAfterOpening);
            if (registeredAt > now) registeredAt = now.AddMinutes(-minutesAfterOpening);
            var r = new EventRegistration
            {
                EventId = ev.Id, UserId = p.UserId, Name = p.Name, Email = p.Email, EmailNormalized = Registrations.NormalizeEmail(p.Email),
                OrganisationId = p.OrganisationId, OrganisationName = p.OrganisationName, OrganisationSector = p.Sector,
                Language = p.Language, IsExpertByExperience = p.IsExpert, Status = status, RegisteredAt = registeredAt,
                ConfirmedAt = status == RegistrationStatus.Confirmed ? registeredAt : null,
            };
            db.EventRegistrations.Add(r);
            return r;
        }

        // Upcoming workshop: full, three waiting, and a freed seat offered to the first of them.
        if (events.Where(e => e.Type == EventType.Workshop && e.StartsAt > now && e.Capacity is > 2).MinBy(e => e.StartsAt) is { } workshop)
        {
            var crowd = Crowd(workshop.Capacity!.Value + 3).ToList();
            for (var i = 0; i < crowd.Count; i++)
            {
                var r = Add(workshop, crowd[i], i < workshop.Capacity - 1 ? RegistrationStatus.Confirmed : RegistrationStatus.Waiting, 5 + i * 7);
                if (i == workshop.Capacity - 1)
                {
                    r.Status = RegistrationStatus.Offered;
                    r.WaitingReason = WaitingReason.Full;
                    r.OfferedAt = now.AddHours(-6);
                    r.OfferExpiresAt = now.AddHours(42);
                }
                else if (r.Status == RegistrationStatus.Waiting) r.WaitingReason = WaitingReason.Full;
            }
            // The seat that was offered: someone cancelled.
            var cancelled = Add(workshop, Guest(), RegistrationStatus.Cancelled, 3);
            cancelled.CancelledAt = now.AddHours(-6);
            cancelled.CancellationReason = CancellationReason.ByParticipant;
        }

        // Study trip: registration by approval.
        if (events.Where(e => e.Type == EventType.StudyTrip && e.StartsAt > now).MinBy(e => e.StartsAt) is { } trip)
        {
            db.EventRegistrationSettings.Add(new EventRegistrationSettings { EventId = trip.Id, RequiresApproval = true, CapPerOrganisation = 2 });
            var crowd = Crowd(8).Reverse().ToList();
            for (var i = 0; i < crowd.Count; i++)
                Add(trip, crowd[i], i < 5 ? RegistrationStatus.Confirmed : RegistrationStatus.AwaitingApproval, 30 + i * 90).DecidedAt =
                    i < 5 ? now.AddDays(-2) : null;
        }

        // Autumn seminar: 20 seats for experts by experience until two weeks before.
        if (events.Where(e => e.Type == EventType.Seminar && e.StartsAt > now && e.Capacity is >= 20).MinBy(e => e.StartsAt) is { } seminar)
        {
            db.EventRegistrationSettings.Add(new EventRegistrationSettings
            {
                EventId = seminar.Id, ReservedSeats = 20, ReservedFor = ReservedGroup.ExpertsByExperience, ReservedUntil = seminar.StartsAt.AddDays(-14),
            });
            foreach (var (p, i) in Crowd(10).Select((p, i) => (p, i)))
                Add(seminar, p, RegistrationStatus.Confirmed, 60 + i * 45).InReservedGroup = p.IsExpert;
        }

        // The next training: the demo member and a few others have a seat, with needs to show.
        if (events.Where(e => e.Type == EventType.Training && e.StartsAt > now && e.Capacity is > 6).MinBy(e => e.StartsAt) is { } training)
        {
            foreach (var (p, i) in Crowd(6).Select((p, i) => (p, i)))
            {
                var r = Add(training, p, RegistrationStatus.Confirmed, 20 + i * 30);
                if (i == 1) r.DietaryNeeds = "Gluteeniton";
                if (i == 2) r.AccessibilityNeeds = "Induktiosilmukka";
            }
        }

        // Past events: attendance marked, a few no-shows, needs already deleted the day after.
        foreach (var past in events.Where(e => e.EndsAt < now && e.Capacity is > 0 && e.Status == EventStatus.Scheduled))
        {
            var count = Math.Min(past.Capacity!.Value, 14);
            foreach (var (p, i) in Crowd(count).Select((p, i) => (p, i)))
            {
                var r = Add(past, p, RegistrationStatus.Confirmed, 10 + i * 25);
                r.Attendance = i % 7 == 6 ? Attendance.NoShow : Attendance.Attended;
                r.CheckedInAt = r.Attendance == Attendance.Attended ? past.StartsAt.AddMinutes(-10 + i) : null;
                r.ReminderSentAt = past.StartsAt.AddDays(-2);
                r.NeedsErasedAt = past.EndsAt.AddDays(1) < now ? past.EndsAt.AddDays(1) : null;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed record Person(string? UserId, string Name, string Email, int? OrganisationId, string? OrganisationName,
        Sector? Sector, string Language, bool IsExpert);
}
