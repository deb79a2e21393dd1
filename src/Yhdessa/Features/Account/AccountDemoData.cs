using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Account;

/// <summary>The demo sign-ins, one per role, so that a newcomer can try every view.</summary>
public sealed class AccountDemoData(UserManager<User> users, IOptions<PlatformOptions> options, TimeProvider clock) : IDemoData
{
    public int Order => 0;

    public static readonly (string Email, string Name, string[] Roles)[] Accounts =
    [
        (DemoAccounts.Coordinator, "Kaisa Koordinaattori", [Roles.Coordinator, Roles.Member]),
        (DemoAccounts.Member, "Matti Jäsen", [Roles.Member]),
        (DemoAccounts.Reporter, "Riikka Raportoija", [Roles.Reporter, Roles.Member]),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var (email, name, roles) in Accounts)
        {
            if (await users.FindByEmailAsync(email) is not null) continue;
            var user = new User
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = name,
                PreferredLanguage = "fi",
                CreatedAt = clock.GetUtcNow(),
            };
            Check(await users.CreateAsync(user, options.Value.Demo.Password));
            Check(await users.AddToRolesAsync(user, roles));
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Demo account could not be created: "
                + string.Join(" ", result.Errors.Select(e => e.Code)));
    }
}
