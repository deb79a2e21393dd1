using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Yhdessa.Tests.Platform;

/// <summary>Behind a TLS-terminating proxy the site learns from X-Forwarded-Proto that the visitor came over
/// HTTPS, and only then sends HSTS. Anyone else claiming so is ignored: the headers count only from the
/// proxies listed in Yhdessa:KnownProxies. Runs on real Kestrel, where requests have a real client address.</summary>
public sealed class ForwardedHeadersTests
{
    private static async Task<HttpResponseMessage> AskAsHttpsAsync(string? knownProxy)
    {
        await using var database = new SqliteApp();
        var port = FreePort();
        await using var app = database.WithWebHostBuilder(builder =>
        {
            if (knownProxy is not null) builder.UseSetting("Yhdessa:KnownProxies:0", knownProxy);
        });
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        app.StartServer();

        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/health");
        request.Headers.Host = "yhdessa.example.fi";
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task The_configured_proxy_is_believed()
    {
        var response = await AskAsHttpsAsync(knownProxy: "127.0.0.1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"), "HSTS is sent for a request the proxy says came over HTTPS");
    }

    [Fact]
    public async Task Anyone_else_claiming_https_is_ignored()
    {
        var response = await AskAsHttpsAsync(knownProxy: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "a forged X-Forwarded-Proto must not count");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
