namespace Yhdessa.Features.Events.Registration;

/// <summary>
/// Changes of one event's seats wait for their turn here, in this instance's memory and in arrival order, before
/// they take a database connection to wait for the event's lock. Without it, a burst of registrations for one event
/// held a connection each while queueing on the lock (where they are served one at a time anyway) and used up the
/// pool, so that every other page waited behind them. The database lock still makes the seats exact across
/// instances; this only keeps the queue of each instance out of the pool.
/// </summary>
public sealed class EventTurns
{
    private readonly Dictionary<int, Turn> turns = [];

    public async Task<IDisposable> WaitAsync(int eventId, CancellationToken cancellationToken)
    {
        Turn turn;
        lock (turns)
        {
            if (!turns.TryGetValue(eventId, out turn!)) turns[eventId] = turn = new Turn();
            turn.Users++;
        }
        try
        {
            // SemaphoreSlim serves its asynchronous waiters first come, first served.
            await turn.Gate.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(eventId, turn);
            throw;
        }
        return new Held(() =>
        {
            turn.Gate.Release();
            Leave(eventId, turn);
        });
    }

    private void Leave(int eventId, Turn turn)
    {
        lock (turns)
        {
            if (--turn.Users == 0) turns.Remove(eventId);
        }
    }

    private sealed class Turn
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public int Users;
    }

    private sealed class Held(Action release) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) release();
        }
    }
}
