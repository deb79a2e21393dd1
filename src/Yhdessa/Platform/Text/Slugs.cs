namespace Yhdessa.Platform.Text;

/// <summary>Addresses made of names.</summary>
public static class Slugs
{
    /// <summary>An address part from a Finnish name: "Y-Säätiö" becomes "y-saatio".</summary>
    public static string FromName(string name)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var c in name.Normalize(System.Text.NormalizationForm.FormC).Trim().ToLowerInvariant())
        {
            var mapped = c switch { 'ä' or 'å' or 'á' or 'à' => 'a', 'ö' or 'ø' => 'o', 'é' or 'è' => 'e', 'ü' => 'u', _ => c };
            if (mapped is >= 'a' and <= 'z' or >= '0' and <= '9') builder.Append(mapped);
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        var slug = builder.ToString().Trim('-');
        if (slug.Length > 80) slug = slug[..80].Trim('-');
        // A slug of digits only would be read as an id.
        return slug.Length == 0 || slug.All(char.IsDigit) ? "x-" + slug : slug;
    }
}
