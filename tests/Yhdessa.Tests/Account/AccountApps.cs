using Microsoft.AspNetCore.Hosting;

namespace Yhdessa.Tests.Account;

/// <summary>The app for the account tests: the security stamp is checked on every request (so a test sees other
/// sessions end at once), and the account rate limit is out of the way except in the test that proves it.</summary>
public sealed class AccountAppOnSqlite : SqliteApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        AccountApps.Configure(builder);
    }
}

public sealed class AccountAppOnPostgres : PostgresApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        AccountApps.Configure(builder);
    }
}

internal static class AccountApps
{
    public static void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Yhdessa:Accounts:SessionCheckSeconds", "0");
        builder.UseSetting("Yhdessa:RateLimits:AccountPermitsPerMinute", "100000");
    }
}
