namespace Yhdessa.Features.Monitoring.Import;

/// <summary>
/// One thing wrong with an import file, found where it is: <see cref="Row"/> is the row number a spreadsheet shows
/// (the header is row 1; 0 for the file as a whole) and <see cref="Column"/> the column's heading as the file wrote it
/// (null when the problem is the whole row or file). The message is a key of <see cref="ImportText"/> with its
/// arguments, so that the page and the downloadable report each say it in the reader's language.
/// </summary>
public sealed record ImportProblem(int Row, string? Column, string Key, params object[] Arguments)
{
    /// <summary>A file problem with no place: an unreadable file, a missing column.</summary>
    public static ImportProblem OfFile(string key, params object[] arguments) => new(0, null, key, arguments);
}
