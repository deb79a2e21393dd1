using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Features.Network.Data;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;

namespace Yhdessa.Features.Events.Registration;

/// <summary>What a person gives when registering; members' details come from their account and profile.</summary>
public sealed record RegistrationRequest(
    string? UserId, string Name, string Email, int? OrganisationId, string? OrganisationName, Sector? OrganisationSector,
    string Language, bool IsExpertByExperience, string? DietaryNeeds, string? AccessibilityNeeds,
    IReadOnlyList<RegistrationAnswer> Answers);

public enum RegisterOutcome { Confirmed, Waiting, AwaitingApproval, NotOpen, Duplicate }

public sealed record RegisterResult(RegisterOutcome Outcome, EventRegistration? Registration = null, int? Position = null);

public enum LinkOutcome { Done, AlreadyDone, OfferExpired, NotPossible }

/// <summary>What changed in an event that its registered people must hear of.</summary>
public sealed record EventChange(bool Time, bool Place, bool OnlineLink)
{
    public bool Any => Time || Place || OnlineLink;

    public static EventChange Between(Event before, Event after) => new(
        before.StartsAt != after.StartsAt || before.EndsAt != after.EndsAt,
        before.Address != after.Address || before.MunicipalityCode != after.MunicipalityCode,
        before.OnlineUrl != after.OnlineUrl);
}

/// <summary>
/// Takes, frees and offers seats. Every change of who holds a seat in an event runs under that event's lock
/// (<see cref="EventRegistrationSettings.Version"/>), so the count of seats is exact with any number of app
/// instances on PostgreSQL and on SQLite, and the waiting list is served in arrival order (registration id).
/// </summary>
public sealed class Registrations(YhdessaDb db, RegistrationMail mail, AuditLog audit, TimeProvider clock,
    IOutputCacheStore pageCache, EventTurns turns, ILogger<Registrations> logger)
{
    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    public Task<EventRegistrationSettings?> SettingsAsync(int eventId, CancellationToken cancellationToken) =>
        db.EventRegistrationSettings.AsNoTracking().FirstOrDefaultAsync(s => s.EventId == eventId, cancellationToken);

    public Task<List<EventQuestion>> QuestionsAsync(int eventId, CancellationToken cancellationToken) =>
        db.EventQuestions.AsNoTracking().Include(q => q.Options.OrderBy(o => o.Position))
            .Where(q => q.EventId == eventId).OrderBy(q => q.Position).ToListAsync(cancellationToken);

    /// <summary>The registrations that hold a seat: confirmed and offered ones.</summary>
    private IQueryable<EventRegistration> HoldingSeats =>
        db.EventRegistrations.Where(r => r.Status == RegistrationStatus.Confirmed || r.Status == RegistrationStatus.Offered);

    /// <summary>Seats held (confirmed and offered): the count a capacity may not go below.</summary>
    public Task<int> SeatsHeldAsync(int eventId, CancellationToken cancellationToken) =>
        HoldingSeats.CountAsync(r => r.EventId == eventId, cancellationToken);

    /// <summary>Seats held per event, for a page of the list in one query; events without any are left out.</summary>
    public Task<Dictionary<int, int>> SeatsHeldAsync(IReadOnlyCollection<int> eventIds, CancellationToken cancellationToken) =>
        HoldingSeats.Where(r => eventIds.Contains(r.EventId))
            .GroupBy(r => r.EventId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    public Task<int> WaitingCountAsync(int eventId, CancellationToken cancellationToken) =>
        db.EventRegistrations.CountAsync(r => r.EventId == eventId && r.Status == RegistrationStatus.Waiting, cancellationToken);

    /// <summary>The person's place on the waiting list, counted from 1 in arrival order.</summary>
    public async Task<int?> PositionAsync(EventRegistration registration, CancellationToken cancellationToken) =>
        registration.Status != RegistrationStatus.Waiting ? null
            : 1 + await db.EventRegistrations.CountAsync(r => r.EventId == registration.EventId
                && r.Status == RegistrationStatus.Waiting && r.Id < registration.Id, cancellationToken);

    /// <summary>The live registration of a member, if any.</summary>
    public Task<EventRegistration?> OfMemberAsync(int eventId, string userId, CancellationToken cancellationToken) =>
        db.EventRegistrations.AsNoTracking().Where(r => r.EventId == eventId && r.UserId == userId
                && r.Status != RegistrationStatus.Cancelled && r.Status != RegistrationStatus.Declined)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);

    public async Task<RegisterResult> RegisterAsync(Event ev, RegistrationRequest request, CancellationToken cancellationToken)
    {
        var email = NormalizeEmail(request.Email);
        return await UnderEventLockAsync(ev.Id, async settings =>
        {
            var now = clock.GetUtcNow();
            // The event is read again under the lock: a coordinator may just have closed or cancelled it.
            var current = await db.Events.AsNoTracking().SingleAsync(e => e.Id == ev.Id, cancellationToken);
            if (RegistrationWindow.StateAt(current, now) != RegistrationState.Open) return new RegisterResult(RegisterOutcome.NotOpen);
            var duplicate = await db.EventRegistrations.AnyAsync(r => r.EventId == ev.Id
                && (r.EmailNormalized == email || (request.UserId != null && r.UserId == request.UserId))
                && r.Status != RegistrationStatus.Cancelled && r.Status != RegistrationStatus.Declined, cancellationToken);
            if (duplicate) return new RegisterResult(RegisterOutcome.Duplicate);

            var registration = new EventRegistration
            {
                EventId = ev.Id, UserId = request.UserId, Name = request.Name.Trim(), Email = request.Email.Trim(),
                EmailNormalized = email, OrganisationId = request.OrganisationId,
                OrganisationName = string.IsNullOrWhiteSpace(request.OrganisationName) ? null : request.OrganisationName.Trim(),
                OrganisationSector = request.OrganisationSector, Language = request.Language,
                IsExpertByExperience = request.IsExpertByExperience,
                InReservedGroup = InGroup(settings.ReservedFor, request.IsExpertByExperience, request.OrganisationSector),
                DietaryNeeds = request.DietaryNeeds, AccessibilityNeeds = request.AccessibilityNeeds,
                // Whole milliseconds, as both engines keep them exactly: the signed link carries this time.
                RegisteredAt = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero),
                // Fresh rows on every attempt: a retried transaction must not carry values from the failed one.
                Answers = request.Answers.Select(a => new RegistrationAnswer { QuestionId = a.QuestionId, Text = a.Text, OptionId = a.OptionId }).ToList(),
            };
            int? position = null;
            if (settings.RequiresApproval)
            {
                registration.Status = RegistrationStatus.AwaitingApproval;
            }
            else
            {
                // Those already waiting come first: a seat that is free now goes to them before the newcomer.
                await OfferFreeSeatsAsync(current, settings, now, cancellationToken);
                var holders = await HoldersAsync(ev.Id, cancellationToken);
                var reason = WaitsBecause(settings, current, holders, Holder.Of(registration), now);
                if (reason is null)
                {
                    registration.Status = RegistrationStatus.Confirmed;
                    registration.ConfirmedAt = now;
                }
                else
                {
                    registration.Status = RegistrationStatus.Waiting;
                    registration.WaitingReason = reason;
                    position = 1 + await db.EventRegistrations.CountAsync(r => r.EventId == ev.Id
                        && r.Status == RegistrationStatus.Waiting, cancellationToken);
                }
            }
            db.EventRegistrations.Add(registration);
            // The id goes into the signed link in the email, so it is needed before the email is written.
            await db.SaveChangesAsync(cancellationToken);
            mail.Registered(current, registration, position);
            logger.LogInformation("Registration {RegistrationId} to event {EventId}: {Status}", registration.Id, ev.Id, registration.Status);
            return new RegisterResult(registration.Status switch
            {
                RegistrationStatus.Confirmed => RegisterOutcome.Confirmed,
                RegistrationStatus.Waiting => RegisterOutcome.Waiting,
                _ => RegisterOutcome.AwaitingApproval,
            }, registration, position);
        }, cancellationToken);
    }

    /// <summary>Cancels a registration (or leaves the waiting list, or declines an offered seat); the seat goes on at once.</summary>
    public Task<LinkOutcome> CancelAsync(int registrationId, CancellationReason reason, CancellationToken cancellationToken) =>
        WithRegistrationAsync(registrationId, async (ev, settings, registration, now) =>
        {
            if (!registration.IsLive) return LinkOutcome.AlreadyDone;
            if (ev.EndsAt <= now) return LinkOutcome.NotPossible;
            registration.Status = RegistrationStatus.Cancelled;
            registration.CancelledAt = now;
            registration.CancellationReason = reason;
            if (reason == CancellationReason.ByCoordinator)
                audit.Record("events.registration.cancelled", $"event:{ev.Slug}", $"registration:{registration.Id}");
            mail.Cancelled(ev, registration);
            await OfferFreeSeatsAsync(ev, settings, now, cancellationToken);
            return LinkOutcome.Done;
        }, cancellationToken);

    /// <summary>
    /// The person deletes their own registration: a live one is first cancelled exactly like <see cref="CancelAsync"/>
    /// (the seat is offered on at once), then the name, address, organisation, needs and answers are erased. The row
    /// stays without them, so the event's counts (and attendance after the event) stay right. No email is sent: the
    /// person is on the page that confirms it, and a message would keep the address in the outbox.
    /// </summary>
    public Task<LinkOutcome> DeleteAsync(int registrationId, CancellationToken cancellationToken) =>
        WithRegistrationAsync(registrationId, async (ev, settings, registration, now) =>
        {
            if (registration.PersonalDataErasedAt is not null) return LinkOutcome.AlreadyDone;
            var freesSeat = registration.IsLive && ev.EndsAt > now;
            if (freesSeat)
            {
                registration.CancellationReason = registration.Status == RegistrationStatus.Waiting
                    ? CancellationReason.LeftWaitingList : CancellationReason.ByParticipant;
                registration.Status = RegistrationStatus.Cancelled;
                registration.CancelledAt = now;
            }
            registration.ErasePersonalData(now);
            await db.RegistrationAnswers.Where(a => a.RegistrationId == registration.Id).ExecuteDeleteAsync(cancellationToken);
            audit.Record("events.registration.deleted", $"event:{ev.Slug}", $"registration:{registration.Id}");
            if (freesSeat) await OfferFreeSeatsAsync(ev, settings, now, cancellationToken);
            logger.LogInformation("Registration {RegistrationId} to event {EventId} deleted by its person", registration.Id, ev.Id);
            return LinkOutcome.Done;
        }, cancellationToken);

    /// <summary>
    /// Cancels the event: closes its registration and cancels every live registration (confirmed, offered, waiting,
    /// awaiting approval), telling each person in their language with a calendar file that removes the event.
    /// Under the event's lock, so that no registration taken at the same moment is left without word.
    /// </summary>
    public Task CancelEventAsync(int eventId, CancellationToken cancellationToken) =>
        UnderEventLockAsync(eventId, async _ =>
        {
            var ev = await db.Events.SingleAsync(e => e.Id == eventId, cancellationToken);
            if (ev.Status == EventStatus.Cancelled) return 0;
            var now = clock.GetUtcNow();
            ev.Status = EventStatus.Cancelled;
            ev.Revision++;
            ev.UpdatedAt = now;
            if (ev.RegistrationClosesAt is null || ev.RegistrationClosesAt > now) ev.RegistrationClosesAt = now;
            if (ev.RegistrationOpensAt > now) ev.RegistrationOpensAt = now;
            audit.Record("events.event.cancelled", "event:" + ev.Slug);
            var live = await db.EventRegistrations.Where(r => r.EventId == eventId
                    && r.Status != RegistrationStatus.Cancelled && r.Status != RegistrationStatus.Declined)
                .OrderBy(r => r.Id).ToListAsync(cancellationToken);
            foreach (var registration in live)
            {
                registration.Status = RegistrationStatus.Cancelled;
                registration.CancelledAt = now;
                registration.CancellationReason = CancellationReason.EventCancelled;
                mail.EventCancelled(ev, registration);
            }
            return live.Count;
        }, cancellationToken);

    /// <summary>Takes an offered seat while the offer holds; an expired offer is passed on.</summary>
    public Task<LinkOutcome> AcceptOfferAsync(int registrationId, CancellationToken cancellationToken) =>
        WithRegistrationAsync(registrationId, async (ev, settings, registration, now) =>
        {
            if (registration.Status == RegistrationStatus.Confirmed) return LinkOutcome.AlreadyDone;
            if (registration is { Status: RegistrationStatus.Cancelled, CancellationReason: CancellationReason.OfferExpired })
                return LinkOutcome.OfferExpired;
            if (registration.Status != RegistrationStatus.Offered) return LinkOutcome.NotPossible;
            if (registration.OfferExpiresAt <= now)
            {
                Expire(ev, registration, now);
                await OfferFreeSeatsAsync(ev, settings, now, cancellationToken);
                return LinkOutcome.OfferExpired;
            }
            registration.Status = RegistrationStatus.Confirmed;
            registration.ConfirmedAt = now;
            registration.WaitingReason = null;
            mail.Confirmed(ev, registration);
            return LinkOutcome.Done;
        }, cancellationToken);

    /// <summary>A coordinator's decision on a registration that awaits approval; audited, the person is told by email.</summary>
    public Task<LinkOutcome> DecideAsync(int registrationId, bool approve, CancellationToken cancellationToken) =>
        WithRegistrationAsync(registrationId, async (ev, settings, registration, now) =>
        {
            if (registration.Status != RegistrationStatus.AwaitingApproval) return LinkOutcome.AlreadyDone;
            registration.DecidedAt = now;
            audit.Record(approve ? "events.registration.approved" : "events.registration.declined", $"event:{ev.Slug}",
                $"registration:{registration.Id}");
            if (!approve)
            {
                registration.Status = RegistrationStatus.Declined;
                mail.Declined(ev, registration);
                return LinkOutcome.Done;
            }
            // Approved people queue like everyone else: those approved earlier and waiting are offered seats first.
            await OfferFreeSeatsAsync(ev, settings, now, cancellationToken);
            var holders = await HoldersAsync(ev.Id, cancellationToken);
            var reason = WaitsBecause(settings, ev, holders, Holder.Of(registration), now);
            if (reason is null)
            {
                registration.Status = RegistrationStatus.Confirmed;
                registration.ConfirmedAt = now;
                mail.Confirmed(ev, registration);
            }
            else
            {
                registration.Status = RegistrationStatus.Waiting;
                registration.WaitingReason = reason;
                var position = 1 + await db.EventRegistrations.CountAsync(r => r.EventId == ev.Id
                    && r.Status == RegistrationStatus.Waiting && r.Id < registration.Id, cancellationToken);
                mail.Registered(ev, registration, position);
            }
            return LinkOutcome.Done;
        }, cancellationToken);

    /// <summary>Passes on the offers whose time is up and offers seats that became free (e.g. reserved seats released
    /// or capacity raised). Run by <see cref="RegistrationJobs"/>; returns how many offers expired.</summary>
    public async Task<int> ExpireOffersAndFillAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var expiring = await db.EventRegistrations.Where(r => r.Status == RegistrationStatus.Offered && r.OfferExpiresAt <= now)
            .Select(r => r.EventId).Distinct().ToListAsync(cancellationToken);
        // Upcoming events with a queue and a free seat (e.g. reserved seats released): the rest need no lock.
        var holding = HoldingSeats;
        var waiting = await db.EventRegistrations.Where(r => r.Status == RegistrationStatus.Waiting)
            .Where(r => db.Events.Any(e => e.Id == r.EventId && e.StartsAt > now && e.Status == EventStatus.Scheduled
                && (e.Capacity == null || holding.Count(x => x.EventId == e.Id) < e.Capacity)))
            .Select(r => r.EventId).Distinct().ToListAsync(cancellationToken);
        var expired = 0;
        foreach (var eventId in expiring.Union(waiting))
        {
            expired += await UnderEventLockAsync(eventId, async settings =>
            {
                var ev = await db.Events.AsNoTracking().SingleAsync(e => e.Id == eventId, cancellationToken);
                var offers = await db.EventRegistrations.Where(r => r.EventId == eventId
                    && r.Status == RegistrationStatus.Offered && r.OfferExpiresAt <= now).ToListAsync(cancellationToken);
                foreach (var offer in offers) Expire(ev, offer, now);
                await OfferFreeSeatsAsync(ev, settings, now, cancellationToken);
                return offers.Count;
            }, cancellationToken);
        }
        return expired;
    }

    /// <summary>
    /// Saves a coordinator's change of the event under its lock, so that a registration at the same instant cannot take
    /// a seat between the check and the save. Seats already given stay given (<see cref="Event.KeepsSeatsGiven"/>): when
    /// <paramref name="capacity"/>, the event's new capacity, is below the seats held, nothing is saved and the answer
    /// is that number of seats. Otherwise <paramref name="change"/> applies the change, it is saved, the seats it freed
    /// are offered to those waiting, and the answer is null.
    /// </summary>
    public Task<int?> ChangeEventAsync(int eventId, int? capacity, Func<Task> change, CancellationToken cancellationToken) =>
        UnderEventLockAsync<int?>(eventId, async settings =>
        {
            var held = await SeatsHeldAsync(eventId, cancellationToken);
            if (!Event.KeepsSeatsGiven(capacity, held)) return held;
            await change();
            await db.SaveChangesAsync(cancellationToken);
            var ev = await db.Events.AsNoTracking().SingleAsync(e => e.Id == eventId, cancellationToken);
            await OfferFreeSeatsAsync(ev, settings, clock.GetUtcNow(), cancellationToken);
            return null;
        }, cancellationToken);

    /// <summary>
    /// Emails everyone with a live registration (confirmed, offered, waiting, awaiting approval) that the event changed,
    /// unless it is over or cancelled. Call inside <see cref="ChangeEventAsync"/>, so that the messages are queued with
    /// the change and nobody registering at that moment is missed. Returns how many people were told.
    /// </summary>
    public async Task<int> TellOfChangeAsync(Event ev, EventChange change, CancellationToken cancellationToken)
    {
        if (!change.Any || ev.Status != EventStatus.Scheduled || ev.EndsAt <= clock.GetUtcNow()) return 0;
        var live = await db.EventRegistrations.AsNoTracking().Where(r => r.EventId == ev.Id
                && r.Status != RegistrationStatus.Cancelled && r.Status != RegistrationStatus.Declined && r.PersonalDataErasedAt == null)
            .OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var told = 0;
        foreach (var registration in live)
            if (mail.EventChanged(ev, registration, change)) told++;
        logger.LogInformation("Event {EventId} changed; {Count} registered people told", ev.Id, told);
        return told;
    }

    /// <summary>Offers free seats after a coordinator raised the capacity or changed the rules.</summary>
    public Task OfferFreeSeatsAsync(int eventId, CancellationToken cancellationToken) =>
        UnderEventLockAsync(eventId, async settings =>
        {
            var ev = await db.Events.AsNoTracking().SingleAsync(e => e.Id == eventId, cancellationToken);
            await OfferFreeSeatsAsync(ev, settings, clock.GetUtcNow(), cancellationToken);
            return 0;
        }, cancellationToken);

    private void Expire(Event ev, EventRegistration offer, DateTimeOffset now)
    {
        offer.Status = RegistrationStatus.Cancelled;
        offer.CancelledAt = now;
        offer.CancellationReason = CancellationReason.OfferExpired;
        mail.OfferExpired(ev, offer);
    }

    /// <summary>Offers each free seat to the first person on the waiting list whom the event's rules let take it.</summary>
    private async Task OfferFreeSeatsAsync(Event ev, EventRegistrationSettings settings, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (ev.Status != EventStatus.Scheduled || ev.StartsAt <= now) return;
        var waiting = await db.EventRegistrations.Where(r => r.EventId == ev.Id && r.Status == RegistrationStatus.Waiting)
            .OrderBy(r => r.Id).ToListAsync(cancellationToken);
        if (waiting.Count == 0) return;
        // Changes made earlier under this lock (a cancellation, an expired offer) count too.
        await db.SaveChangesAsync(cancellationToken);
        var holders = await HoldersAsync(ev.Id, cancellationToken);
        foreach (var person in waiting)
        {
            var reason = WaitsBecause(settings, ev, holders, Holder.Of(person), now);
            if (reason == WaitingReason.Full) break;
            if (reason is not null) continue;
            person.Status = RegistrationStatus.Offered;
            person.OfferedAt = now;
            var until = now.AddHours(settings.OfferHoldHours);
            person.OfferExpiresAt = until < ev.StartsAt ? until : ev.StartsAt;
            holders.Add(Holder.Of(person));
            mail.Offered(ev, person);
        }
    }

    private sealed record Holder(int? OrganisationId, string? OrganisationName, bool InReservedGroup)
    {
        public static Holder Of(EventRegistration r) => new(r.OrganisationId, r.OrganisationName, r.InReservedGroup);

        /// <summary>A member's organisation by its id; a guest's by its name, written in any case.</summary>
        public string? OrganisationKey => OrganisationId is { } id ? "id:" + id
            : string.IsNullOrWhiteSpace(OrganisationName) ? null
            : "name:" + string.Join(' ', OrganisationName.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
    }

    private Task<List<Holder>> HoldersAsync(int eventId, CancellationToken cancellationToken) =>
        HoldingSeats.Where(r => r.EventId == eventId)
            .Select(r => new Holder(r.OrganisationId, r.OrganisationName, r.InReservedGroup)).ToListAsync(cancellationToken);

    public static bool InGroup(ReservedGroup? group, bool isExpertByExperience, Sector? sector) => group switch
    {
        ReservedGroup.ExpertsByExperience => isExpertByExperience,
        ReservedGroup.Cities => sector == Sector.City,
        _ => false,
    };

    public static bool ReservationActive(EventRegistrationSettings settings, DateTimeOffset now) =>
        settings is { ReservedSeats: > 0, ReservedFor: not null } && (settings.ReservedUntil is not { } until || now < until);

    /// <summary>Null when the person may take a seat now, otherwise why they wait.</summary>
    private static WaitingReason? WaitsBecause(EventRegistrationSettings settings, Event ev, List<Holder> holders,
        Holder candidate, DateTimeOffset now)
    {
        if (ev.IsFull(holders.Count)) return WaitingReason.Full;
        if (settings.CapPerOrganisation is { } cap && candidate.OrganisationKey is { } key
            && holders.Count(h => h.OrganisationKey == key) >= cap)
            return WaitingReason.OrganisationCap;
        if (ev.SeatsLeft(holders.Count) is { } left && ReservationActive(settings, now) && !candidate.InReservedGroup)
        {
            var stillReserved = Math.Max(0, settings.ReservedSeats - holders.Count(h => h.InReservedGroup));
            if (left - stillReserved <= 0) return WaitingReason.ReservedSeats;
        }
        return null;
    }

    private async Task<LinkOutcome> WithRegistrationAsync(int registrationId,
        Func<Event, EventRegistrationSettings, EventRegistration, DateTimeOffset, Task<LinkOutcome>> change,
        CancellationToken cancellationToken)
    {
        var eventId = await db.EventRegistrations.Where(r => r.Id == registrationId).Select(r => (int?)r.EventId)
            .FirstOrDefaultAsync(cancellationToken);
        if (eventId is null) return LinkOutcome.NotPossible;
        return await UnderEventLockAsync(eventId.Value, async settings =>
        {
            var ev = await db.Events.AsNoTracking().SingleAsync(e => e.Id == eventId, cancellationToken);
            var registration = await db.EventRegistrations.SingleAsync(r => r.Id == registrationId, cancellationToken);
            return await change(ev, settings, registration, clock.GetUtcNow());
        }, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction that first bumps the event's settings row: PostgreSQL then queues
    /// the other writers of the same event on that row until this one commits, and SQLite's transaction holds the
    /// database's write lock from its first statement. A deadlock or a busy database is retried from the start.
    /// Within this instance, the changes of one event first wait their turn in memory (<see cref="EventTurns"/>), so
    /// that a burst for one event queues without holding database connections.
    /// </summary>
    private async Task<T> UnderEventLockAsync<T>(int eventId, Func<EventRegistrationSettings, Task<T>> work,
        CancellationToken cancellationToken)
    {
        using var turn = await turns.WaitAsync(eventId, cancellationToken);
        await EnsureSettingsAsync(eventId, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                await db.EventRegistrationSettings.Where(s => s.EventId == eventId)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);
                var settings = await db.EventRegistrationSettings.AsNoTracking().SingleAsync(s => s.EventId == eventId, cancellationToken);
                var result = await work(settings);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                // The public pages of the event show the seats left: a cached copy must not outlive this change.
                await pageCache.EvictByTagAsync(EventPageCache.Tag(eventId), CancellationToken.None);
                return result;
            }
            catch (Exception e) when (attempt < 5 && DatabaseErrors.IsWriteConflict(e))
            {
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                logger.LogInformation("Registration change for event {EventId} retried after a conflict (attempt {Attempt})", eventId, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 50) * attempt), cancellationToken);
            }
        }
    }

    /// <summary>Every event gets its settings row (the lock) on first use; racing first uses insert it once.</summary>
    private async Task EnsureSettingsAsync(int eventId, CancellationToken cancellationToken)
    {
        if (await db.EventRegistrationSettings.AnyAsync(s => s.EventId == eventId, cancellationToken)) return;
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO \"EventRegistrationSettings\" (\"EventId\", \"RequiresApproval\", \"OfferHoldHours\", \"ReservedSeats\", \"Version\") VALUES ({eventId}, {false}, {RegistrationLimits.DefaultOfferHoldHours}, {0}, {0L}) ON CONFLICT DO NOTHING",
            cancellationToken);
    }
}
