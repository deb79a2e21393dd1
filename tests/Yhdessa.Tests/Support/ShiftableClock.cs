namespace Yhdessa.Tests.Support;

/// <summary>The real clock, which a test can move forward: waits that the app measures in minutes
/// (such as the pause before an email is retried) pass at once, while timers keep running in real time.</summary>
public sealed class ShiftableClock : TimeProvider
{
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);
}
