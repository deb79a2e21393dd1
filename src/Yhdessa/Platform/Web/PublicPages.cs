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

    public static IServiceCollection AddPublicPageCache(this IServiceCollection services) =>
        services.AddOutputCache(cache => cache.AddPolicy(Policy, policy => policy
            .Expire(TimeSpan.FromMinutes(10))
            .SetVaryByQuery("*")
            .VaryByValue(context => new KeyValuePair<string, string>("lang",
                System.Globalization.CultureInfo.CurrentUICulture.Name))
            .Tag(Tag)));
}
