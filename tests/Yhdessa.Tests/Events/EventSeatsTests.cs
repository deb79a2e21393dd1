using Yhdessa.Features.Events.Data;

namespace Yhdessa.Tests.Events;

/// <summary>The one rule on an event's seats, which the list, the event page, the registration form, the coordinator's
/// edit and the waiting list all use: what is left, when the event is full, and that seats given stay given.</summary>
public sealed class EventSeatsTests
{
    [Theory]
    [InlineData(10, 0, 10, false)]
    [InlineData(10, 9, 1, false)]
    [InlineData(10, 10, 0, true)]
    // More held than the capacity (seats given before it was lowered in older data): none left, never a negative count.
    [InlineData(10, 12, 0, true)]
    public void Seats_left_and_full_follow_the_capacity(int capacity, int held, int left, bool full)
    {
        var ev = new Event { Capacity = capacity };

        Assert.Equal(left, ev.SeatsLeft(held));
        Assert.Equal(full, ev.IsFull(held));
    }

    [Fact]
    public void An_event_without_a_capacity_is_never_full()
    {
        var ev = new Event { Capacity = null };

        Assert.Null(ev.SeatsLeft(500));
        Assert.False(ev.IsFull(500));
    }

    [Theory]
    [InlineData(5, 5, true)]
    [InlineData(6, 5, true)]
    [InlineData(4, 5, false)]
    [InlineData(null, 5, true)]
    public void A_capacity_may_not_drop_below_the_seats_given(int? capacity, int held, bool allowed) =>
        Assert.Equal(allowed, Event.KeepsSeatsGiven(capacity, held));
}
