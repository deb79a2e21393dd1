using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Yhdessa.Platform.Data;

/// <summary>Stores a moment as UTC ticks so that SQLite can sort and compare it.</summary>
public sealed class DateTimeOffsetToUtcTicks() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
