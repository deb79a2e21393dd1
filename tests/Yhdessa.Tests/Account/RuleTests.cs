using System.Text;
using Yhdessa.Features.Account;
using Yhdessa.Features.Account.Passwords;
using Yhdessa.Platform.Text;

namespace Yhdessa.Tests.Account;

/// <summary>The account rules on their own, without the web app.</summary>
public class RuleTests
{
    [Theory]
    [InlineData("password", true)]
    [InlineData("PASSWORD", true)]
    [InlineData("qwerty123456", true)]
    [InlineData("salasana1234", true)]
    [InlineData("lösenord12345", true)]
    [InlineData("dragondragondragon", true)]
    [InlineData("xyzxyzxyzxyz", true)]
    [InlineData("1q2w 3e4r 5t6y", true)]
    [InlineData("sininen vene keinuu", false)]
    [InlineData("korppi lensi yli kuusikon", false)]
    public void Common_passwords_are_recognised(string password, bool common) =>
        Assert.Equal(common, CommonPasswordValidator.IsCommon(password));

    [Theory]
    [InlineData("Åsa Öhman", false)]
    [InlineData("Áile Ánne Ŋuhtte", false)]
    [InlineData("O'Connor", false)]
    [InlineData("عائشة", false)]
    [InlineData("a\u200Bb", true)]
    [InlineData("a\u200Fb", true)]
    [InlineData("a\u202Eb", true)]
    [InlineData("a\u2067b", true)]
    [InlineData("\uFEFFab", true)]
    [InlineData("a\tb", true)]
    public void Invisible_and_direction_characters_are_found(string name, bool refused) =>
        Assert.Equal(refused, InputRules.HasInvisibleControl(name));

    [Theory]
    [InlineData("nimi@example.fi", true)]
    [InlineData("äijä@esimerkki.fi", true)]
    [InlineData("etu.suku+yhdessa@example.org", true)]
    [InlineData("nimi@localhost", false)]
    [InlineData("nimi@", false)]
    [InlineData("@example.fi", false)]
    [InlineData("nimi @example.fi", false)]
    [InlineData("Nimi <nimi@example.fi>", false)]
    [InlineData("nimi@example.fi.", false)]
    public void Email_addresses_are_plain_addresses(string email, bool valid) =>
        Assert.Equal(valid, InputRules.IsValidEmail(email));

    [Fact]
    public void Addresses_are_one_key_whatever_the_case_spaces_or_unicode_form()
    {
        var normalizer = new AccountLookupNormalizer();
        var composed = "äijä@example.fi".Normalize(NormalizationForm.FormC);
        var key = normalizer.NormalizeEmail(composed);

        Assert.Equal(key, normalizer.NormalizeEmail("  ÄIJÄ@Example.FI "));
        Assert.Equal(key, normalizer.NormalizeEmail(composed.Normalize(NormalizationForm.FormD)));
        Assert.Equal("ÄIJÄ@EXAMPLE.FI", key);
    }

    [Fact]
    public void The_authenticator_key_is_shown_in_groups_and_codes_are_read_as_typed()
    {
        Assert.Equal("abcd efgh ij", TwoFactorCodes.Format("ABCDEFGHIJ"));
        Assert.Equal("123456", TwoFactorCodes.Clean(" 123 456 "));
        Assert.Equal("123456", TwoFactorCodes.Clean("123-456"));
        Assert.Equal("ab12c-3de4f", TwoFactorCodes.CleanRecoveryCode(" ab12c-3de4f "));
    }
}
