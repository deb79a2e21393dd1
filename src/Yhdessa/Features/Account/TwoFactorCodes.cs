namespace Yhdessa.Features.Account;

public static class TwoFactorCodes
{
    /// <summary>Authenticator codes are accepted as people type them: with spaces or hyphens between the groups.</summary>
    public static string Clean(string? code) =>
        string.Concat((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-'));

    /// <summary>Recovery codes are stored as shown ("ab12c-3de4f"): only stray spaces are dropped.</summary>
    public static string CleanRecoveryCode(string? code) =>
        string.Concat((code ?? "").Where(c => !char.IsWhiteSpace(c)));

    /// <summary>The authenticator key in groups of four, easier to type by hand.</summary>
    public static string Format(string key) =>
        string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(chunk => new string(chunk)));
}
