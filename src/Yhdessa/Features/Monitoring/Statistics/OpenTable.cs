namespace Yhdessa.Features.Monitoring.Statistics;

/// <summary>A column of an open table. <see cref="Numeric"/> columns are right-aligned and carry numbers in the API.</summary>
public sealed record OpenColumn(string Key, string Label, bool Numeric = false);

/// <summary>
/// One figure as published. <see cref="Text"/> is what a reader sees ("&lt;5" and "x" for protected figures);
/// <see cref="Number"/> is set only for a figure that is shown; <see cref="Link"/> for a source address;
/// <see cref="Language"/> when the text is in another language than the page (the source notes are in English).
/// </summary>
public sealed record OpenValue(string Text, decimal? Number = null, string? Link = null, string? Language = null);

public sealed record OpenTableInfo(string Id, string Title, string Description);

/// <summary>
/// A table of the open statistics, in the reader's language. <see cref="Protected"/> tables went through
/// small-number protection; the context series are published population figures and need none.
/// </summary>
public sealed record OpenTable(
    string Id, string Title, string Description, IReadOnlyList<OpenColumn> Columns,
    IReadOnlyList<IReadOnlyList<OpenValue>> Rows, IReadOnlyList<string> Notes, bool Protected);
