using System.Text.RegularExpressions;

namespace Yhdessa.Platform.Web;

/// <summary>
/// The site's address in links that leave it (email, the calendar feed) when <c>Yhdessa:BaseUrl</c> is not set: the
/// first address the server is told to listen on (<c>--urls</c> or <c>ASPNETCORE_URLS</c>, then <c>Kestrel:Endpoints</c>,
/// then <c>ASPNETCORE_HTTP_PORTS</c>), a wildcard host read as localhost. Never the request's Host header, which anyone
/// can set to another site's name and so put it into a password reset link.
/// </summary>
public static partial class PublicAddress
{
    /// <summary>Kestrel's own default address.</summary>
    public const string Default = "http://localhost:5000";

    public static bool IsConfigured(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration["Yhdessa:BaseUrl"]);

    public static string FromListening(IConfiguration configuration)
    {
        var url = First(configuration["urls"])
            ?? configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(endpoint => endpoint["Url"]).FirstOrDefault(u => !string.IsNullOrWhiteSpace(u))
            ?? (First(configuration["http_ports"]) is { } port ? "http://localhost:" + port : null)
            ?? Default;
        return Wildcard().Replace(url.Trim(), "${scheme}localhost").TrimEnd('/');
    }

    private static string? First(string? list) =>
        list?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();

    [GeneratedRegex(@"^(?<scheme>[a-z]+://)(\*|\+|0\.0\.0\.0|\[::\])(?=[:/]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Wildcard();
}
