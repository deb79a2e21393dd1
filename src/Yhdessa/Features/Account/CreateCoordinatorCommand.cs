using Microsoft.AspNetCore.Identity;
using Yhdessa.Platform.Audit;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;
using Yhdessa.Platform.Text;

namespace Yhdessa.Features.Account;

/// <summary>
/// <c>create-coordinator --email x --name "y"</c>: the first coordinator of a fresh install. Creates or promotes the
/// account and prints a one-time link for setting the password, so that no password is ever typed on a command
/// line (where shell history and process lists would keep it).
/// </summary>
public static class CreateCoordinatorCommand
{
    public const string Name = "create-coordinator";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Name;

    /// <returns>The process exit code.</returns>
    public static async Task<int> RunAsync(WebApplication app, string[] args, TextWriter output)
    {
        var email = Option(args, "--email");
        var name = Option(args, "--name");
        if (email is null || name is null)
        {
            await output.WriteLineAsync($"Usage: {Name} --email person@example.fi --name \"First Last\"");
            return 2;
        }
        email = InputRules.CleanEmail(email);
        name = name.Trim();
        if (!InputRules.IsValidEmail(email))
        {
            await output.WriteLineAsync("The email address is not valid.");
            return 2;
        }
        if (name.Length is 0 or > InputRules.NameMaxLength || InputRules.HasInvisibleControl(name))
        {
            await output.WriteLineAsync($"The name must be 1–{InputRules.NameMaxLength} visible characters.");
            return 2;
        }

        await app.PrepareDatabaseAsync();
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<User>>();
        var audit = services.GetRequiredService<AuditLog>();
        var emails = services.GetRequiredService<AccountEmails>();

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new User
            {
                UserName = email,
                Email = email,
                // The person who installs the service vouches for the address; the link below is handed over by them.
                EmailConfirmed = true,
                DisplayName = name,
                CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow(),
            };
            if (!await Succeeded(users.CreateAsync(user), output)) return 1;
            await output.WriteLineAsync($"Created the account {email}.");
        }
        foreach (var role in new[] { Roles.Coordinator, Roles.Member })
        {
            if (await users.IsInRoleAsync(user, role)) continue;
            audit.Record("role.granted", $"user:{user.Id}", role);
            if (!await Succeeded(users.AddToRoleAsync(user, role), output)) return 1;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = emails.ResetLink(user, token);
        await output.WriteLineAsync($"{email} is a coordinator. Open this link within one hour to set the password:");
        await output.WriteLineAsync(link);
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static async Task<bool> Succeeded(Task<IdentityResult> action, TextWriter output)
    {
        var result = await action;
        if (!result.Succeeded)
            await output.WriteLineAsync(string.Join(" ", result.Errors.Select(e => e.Description)));
        return result.Succeeded;
    }
}
