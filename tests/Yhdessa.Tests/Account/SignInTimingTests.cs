using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Yhdessa.Platform.Identity;


namespace Yhdessa.Tests.Account;

[Collection("Account on SQLite")]
public sealed class SignInTimingOnSqlite(SqliteApp app) : SignInTimingTests(app);
[Collection("Account on PostgreSQL")]
public sealed class SignInTimingOnPostgres(PostgresApp app) : SignInTimingTests(app);

/// <summary>
/// Whether an address has an account must not show in how long sign-in takes to say no. Checking a password is
/// by far the slowest step, so each refusal checks exactly one: the time is then the same within noise, which a
/// stopwatch in a test could not tell apart from a real difference.
/// </summary>
public abstract class SignInTimingTests(YhdessaApp app)
{
    private const string Password = "seitsemän veljestä metsässä";

    private sealed class CountingHasher : IPasswordHasher<User>
    {
        private readonly PasswordHasher<User> inner = new();
        private int verifications;
        public int Verifications => Volatile.Read(ref verifications);
        public string HashPassword(User user, string password) => inner.HashPassword(user, password);
        public PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private readonly CountingHasher hasher = new();

    private async Task<int> VerificationsForSignInAsync(string email, string password)
    {
        var counted = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IPasswordHasher<User>>(hasher)));
        var browser = new WebBrowser(counted.CreateClient());
        // Open the form first, so that only the submission is counted.
        var form = await browser.GetAsync("/account/sign-in");
        var before = hasher.Verifications;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var page = await browser.PostAsync("/account/sign-in",
            [new("Input.Email", email), new("Input.Password", password), new("__RequestVerificationToken", token)]);
        Assert.Contains("Kirjautuminen ei onnistunut", page.ErrorSummary);
        return hasher.Verifications - before;
    }

    private async Task<string> AccountAsync(Func<UserManager<User>, User, Task>? change = null)
    {
        var email = $"aika-{Guid.NewGuid():N}@example.fi";
        await app.CreateUserAsync(email, Password, Roles.Member);
        if (change is not null)
            await app.WithServicesAsync(async services =>
            {
                var users = services.GetRequiredService<UserManager<User>>();
                await change(users, (await users.FindByEmailAsync(email))!);
                return 0;
            });
        return email;
    }

    [Fact]
    public async Task A_wrong_password_costs_one_password_check() =>
        Assert.Equal(1, await VerificationsForSignInAsync(await AccountAsync(), "väärä salasana tässä"));

    [Fact]
    public async Task An_unknown_address_costs_one_password_check() =>
        Assert.Equal(1, await VerificationsForSignInAsync($"ei-tilia-{Guid.NewGuid():N}@example.fi", Password));

    [Fact]
    public async Task A_locked_account_costs_one_password_check()
    {
        var email = await AccountAsync((users, user) => users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddMinutes(10)));
        Assert.Equal(1, await VerificationsForSignInAsync(email, Password));
    }

    [Fact]
    public async Task A_disabled_account_costs_one_password_check()
    {
        var email = await AccountAsync((users, user) =>
        {
            user.IsDisabled = true;
            return users.UpdateAsync(user);
        });
        Assert.Equal(1, await VerificationsForSignInAsync(email, Password));
    }

    [Fact]
    public async Task An_unconfirmed_account_costs_one_password_check()
    {
        var email = await AccountAsync((users, user) =>
        {
            user.EmailConfirmed = false;
            return users.UpdateAsync(user);
        });
        Assert.Equal(1, await VerificationsForSignInAsync(email, Password));
    }
}
