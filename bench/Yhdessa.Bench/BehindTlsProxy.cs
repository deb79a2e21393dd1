namespace Yhdessa.Bench;

/// <summary>
/// The app runs in Production, where cookies are Secure and a TLS proxy stands in front of it. The bench clients play
/// that proxy (X-Forwarded-Proto: https, trusted with <c>Yhdessa:KnownProxies:0=127.0.0.1</c>) and keep the Secure
/// cookies by hand over plain HTTP, as a browser on https would. One client per simulated person; <c>cookie</c>
/// ("name=value") is one she already has, such as her session.
/// </summary>
public static class BehindTlsProxy
{
    public static HttpClient Client(TimeSpan timeout, string? cookie = null)
    {
        var keeper = new CookieKeeper();
        if (cookie?.Split('=', 2) is [var name, var value]) keeper.Cookies[name] = value;
        var client = new HttpClient(keeper, disposeHandler: true) { Timeout = timeout };
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return client;
    }

    private sealed class CookieKeeper() : DelegatingHandler(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
    {
        public Dictionary<string, string> Cookies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
                foreach (var pair in set.Select(c => c.Split(';')[0].Split('=', 2)))
                    Cookies[pair[0]] = pair[1];
            return response;
        }
    }
}
