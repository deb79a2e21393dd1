using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Yhdessa.Platform.Data;

namespace Yhdessa.Platform.Identity;

public static class IdentitySetup
{
    public static readonly TimeSpan SessionIdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(12);

    /// <summary>The sign-in time in the session ticket, in UTC ticks.</summary>
    private const string SignedInAtKey = "yhdessa.signed-in-at";

    public static IServiceCollection AddPlatformIdentity(this IServiceCollection services, IHostEnvironment environment)
    {
        // The account rules (passwords, lockout, confirmation) are set in one place: AccountSetup.AddAccounts.
        services.AddIdentity<User, IdentityRole>()
            .AddEntityFrameworkStores<YhdessaDb>()
            .AddDefaultTokenProviders();

        // Outside development and the tests, cookies travel over HTTPS only.
        var secure = environment.IsDevelopment() || environment.IsEnvironment("Testing")
            ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/sign-in";
            cookie.LogoutPath = "/account/sign-out";
            cookie.AccessDeniedPath = "/account/access-denied";
            cookie.Cookie.Name = "yhdessa.session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = secure;
            // A session left idle ends after half an hour; one in use ends at the latest SessionLifetime after
            // sign-in (checked below), so that a stolen or forgotten session cannot be kept alive for ever.
            cookie.ExpireTimeSpan = SessionIdleTimeout;
            cookie.SlidingExpiration = true;
            var validateStamp = cookie.Events.OnValidatePrincipal;
            cookie.Events.OnSigningIn = context =>
            {
                // Renewals (a changed password, the periodic stamp check) keep the original time.
                var now = (context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow();
                context.Properties.Items.TryAdd(SignedInAtKey, now.UtcTicks.ToString(CultureInfo.InvariantCulture));
                return Task.CompletedTask;
            };
            cookie.Events.OnValidatePrincipal = async context =>
            {
                var now = (context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow();
                if (!context.Properties.Items.TryGetValue(SignedInAtKey, out var value)
                    || !long.TryParse(value, CultureInfo.InvariantCulture, out var ticks)
                    || now.UtcTicks - ticks > SessionLifetime.Ticks)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                try
                {
                    await validateStamp(context);
                }
                catch (Exception e) when (DatabaseBusy.Is(e))
                {
                    // A busy database cannot answer the periodic check now. Failing here would fail the error page
                    // as well (authentication runs again for it and repeats this outcome), and a 500 would replace
                    // the 503. The session stands for this one request without being renewed, so the next request
                    // checks again; the page itself then meets the busy database and answers 503.
                }
            };
        });
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.HttpOnly = true;
            antiforgery.Cookie.SameSite = SameSiteMode.Lax;
            antiforgery.Cookie.SecurePolicy = secure;
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Coordinator, p => p.RequireRole(Roles.Coordinator));
        return services;
    }
}
