namespace Yhdessa.Platform.Text;

public static class ShortText
{
    /// <summary>The text whole when it has at most <paramref name="max"/> characters; else cut at the last space before
    /// that, with "…" (a summary on a card stays a few lines long on a phone).</summary>
    public static string Shorten(string text, int max)
    {
        text = text.Trim();
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', max);
        return text[..(cut > max / 2 ? cut : max)].TrimEnd(' ', ',', '.', ';', ':', '–', '-') + "…";
    }
}
