namespace Yhdessa.Platform.Text;

public static class FileSizes
{
    /// <summary>"1,2 MB" in the reader's number format.</summary>
    public static string Text(long bytes, System.Globalization.CultureInfo culture) => bytes switch
    {
        < 1024 * 1024 => Math.Max(1, bytes / 1024).ToString(culture) + " kB",
        _ => (bytes / 1024.0 / 1024.0).ToString("0.0", culture) + " MB",
    };
}
