using System.Buffers.Binary;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Tests.Account;

/// <summary>The test hosts hash passwords cheaply; the app as it is configured for everyone else does not.</summary>
public sealed class PasswordHashingTests
{
    private sealed class ProductionSettingsApp : WebApplicationFactory<Program>
    {
        private readonly string directory = Path.Combine(Path.GetTempPath(), "yhdessa-tests", Guid.NewGuid().ToString("N"));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Yhdessa:DemoData", "false");
            builder.UseSetting("Yhdessa:DataDirectory", directory);
            builder.UseSetting("Yhdessa:Jobs:Enabled", "false");
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            try { Directory.Delete(directory, recursive: true); } catch (DirectoryNotFoundException) { }
        }
    }

    [Fact]
    public async Task A_stored_password_is_hashed_with_at_least_100000_rounds_of_PBKDF2()
    {
        await using var app = new ProductionSettingsApp();
        using var scope = app.Services.CreateScope();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<User>>();
        Assert.True(app.Services.GetRequiredService<IOptions<PasswordHasherOptions>>().Value.IterationCount >= 100_000);
        var hash = Convert.FromBase64String(hasher.HashPassword(new User(), "pitkä ja vaikea salasana"));
        // Identity's format 3: a marker byte, the PRF, then the round count as a big-endian integer.
        Assert.Equal(0x01, hash[0]);
        Assert.True(BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5, 4)) >= 100_000);
    }
}
