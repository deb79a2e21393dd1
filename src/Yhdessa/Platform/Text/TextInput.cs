namespace Yhdessa.Platform.Text;

/// <summary>How forms read what was typed.</summary>
public static class TextInput
{
    /// <summary>An optional field: trimmed, and null when nothing but white space was typed.</summary>
    public static string? TrimToNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Only absolute http and https addresses: no javascript:, data: or relative links.</summary>
    public static bool IsWebAddress(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);
}
