using Microsoft.AspNetCore.OutputCaching;

namespace Yhdessa;

/// <summary>
/// Output caching for pages that everyone sees alike. The policy caches only anonymous GET requests
/// (the default policy skips requests with a session cookie or an Authorization header), varies by
/// language and query, and is cleared by tag when content changes: call
/// <c>IOutputCacheStore.EvictByTagAsync(PublicPages.Tag, ...)</c> after saving public content.
/// </summary>
public static class PublicPages
{
    public const string Policy = "public-page";
    public const string Tag = "public";

    /// <summary>
    /// For answers that never depend on who asks (e.g. the calendar feed, built for an anonymous viewer): signed-in
    /// requests are answered from the same cache instead of building the answer again for each of them.
    /// </summary>
    public const string SameForEveryonePolicy = "same-for-everyone";

    /// <summary>Tags the answer being built, when the output cache may store it, with more tags than its policy's, so
    /// that evicting any of them clears it too (e.g. an event's own tag, cleared by each change of its seats).</summary>
    public static void AlsoTag(HttpContext context, IEnumerable<string> tags)
    {
        if (context.Features.Get<IOutputCacheFeature>() is not { } cache) return;
        foreach (var tag in tags) cache.Context.Tags.Add(tag);
    }

    public static IServiceCollection AddPublicPageCache(this IServiceCollection services) =>
        services.AddOutputCache(cache =>
        {
            cache.AddPolicy(Policy, policy => Public(policy));
            cache.AddPolicy(SameForEveryonePolicy, policy => Public(policy).AddPolicy<AlsoForSignedIn>());
        });

    private static OutputCachePolicyBuilder Public(OutputCachePolicyBuilder policy) => policy
        .Expire(TimeSpan.FromMinutes(10))
        .SetVaryByQuery("*")
        .VaryByValue(context => new KeyValuePair<string, string>("lang",
            System.Globalization.CultureInfo.CurrentUICulture.Name))
        .Tag(Tag);

    /// <summary>
    /// Runs after the default policy and lifts only its "signed in, so don't cache" rule. The default policy's other
    /// rules stay: only GET and HEAD, only 200 answers, and never an answer that sets a cookie.
    /// </summary>
    private sealed class AlsoForSignedIn : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
        {
            if (HttpMethods.IsGet(context.HttpContext.Request.Method) || HttpMethods.IsHead(context.HttpContext.Request.Method))
            {
                context.AllowCacheLookup = true;
                context.AllowCacheStorage = true;
            }
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
