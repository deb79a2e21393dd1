using Yhdessa.Features.My;
using Microsoft.AspNetCore.Identity;
using Yhdessa.Features.Account.Passwords;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Identity;

namespace Yhdessa.Features.Account;

public static class AccountSetup
{
    /// <summary>Tightens Identity to OWASP ASVS level 2 and registers the account services.</summary>
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var (services, configuration) = (builder.Services, builder.Configuration);
        services.Configure<IdentityOptions>(options =>
        {
            // A disabled account counts as unconfirmed: see DisabledAccountConfirmation.
            options.SignIn.RequireConfirmedAccount = true;
            options.SignIn.RequireConfirmedEmail = true;
            options.Lockout.AllowedForNewUsers = true;
            options.Lockout.MaxFailedAccessAttempts = 5;
            options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            // Length is what makes a password strong (ASVS 2.1): no composition rules, and CommonPasswordValidator
            // refuses the well-known ones.
            options.Password.RequiredLength = 12;
            options.Password.RequireDigit = false;
            options.Password.RequireLowercase = false;
            options.Password.RequireUppercase = false;
            options.Password.RequireNonAlphanumeric = false;
            options.Password.RequiredUniqueChars = 1;
            options.User.RequireUniqueEmail = true;
            // The sign-in name is the email address, checked by InputRules; Identity's ASCII-only default would
            // refuse addresses such as äijä@example.fi. An empty list turns the check off.
            options.User.AllowedUserNameCharacters = "";
            options.Tokens.ProviderMap[TokenOptions.DefaultProvider] = new TokenProviderDescriptor(typeof(AccountLinkTokenProvider));
        });
        // Reset, confirmation and email-change links expire within an hour.
        services.Configure<DataProtectionTokenProviderOptions>(tokens => tokens.TokenLifespan = TimeSpan.FromHours(1));
        services.AddTransient<AccountLinkTokenProvider>();
        // Other sessions notice a changed security stamp (new password, disabled account) within this time.
        var stampCheck = configuration.GetValue("Yhdessa:Accounts:SessionCheckSeconds", 60);
        services.Configure<SecurityStampValidatorOptions>(stamp => stamp.ValidationInterval = TimeSpan.FromSeconds(stampCheck));

        services.AddScoped<LocalizedIdentityErrorDescriber>();
        services.AddScoped<IdentityErrorDescriber>(provider => provider.GetRequiredService<LocalizedIdentityErrorDescriber>());
        services.AddScoped<ILookupNormalizer, AccountLookupNormalizer>();
        services.AddScoped<IPasswordValidator<User>, CommonPasswordValidator>();
        services.AddScoped<IUserConfirmation<User>, DisabledAccountConfirmation>();
        services.AddScoped<SignInManager<User>, AccountSignInManager>();
        services.AddScoped<AccountEmails>();
        services.AddScoped<PersonalDataService>();
        services.AddScoped<CoordinatorGuard>();
        services.AddScoped<IDemoData, AccountDemoData>();
        services.AddMyPagePart<MyAccountPart>();
        return builder;
    }
}

/// <summary>Identity asks this before every sign-in: the email must be confirmed and the account not disabled.</summary>
public sealed class DisabledAccountConfirmation : IUserConfirmation<User>
{
    public async Task<bool> IsConfirmedAsync(UserManager<User> manager, User user) =>
        !user.IsDisabled && await manager.IsEmailConfirmedAsync(user);
}
