using Microsoft.AspNetCore.Identity;

namespace Yhdessa.Platform.Identity;

/// <summary>A person's account. What the network knows of the person beyond signing in lives in the
/// Network feature's profile, linked by <see cref="IdentityUser.Id"/>.</summary>
public class User : IdentityUser
{
    /// <summary>The name shown to others and used in email, written exactly as the person writes it.</summary>
    [PersonalData]
    public string DisplayName { get; set; } = "";

    /// <summary>fi, sv or en: the language of email sent to this person.</summary>
    [PersonalData]
    public string PreferredLanguage { get; set; } = "fi";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>A disabled account cannot sign in; its sessions end.</summary>
    public bool IsDisabled { get; set; }
}
