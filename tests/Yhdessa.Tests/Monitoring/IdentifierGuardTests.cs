using Yhdessa.Features.Monitoring.Rules;

namespace Yhdessa.Tests.Monitoring;

/// <summary>The identifier guard on its own: what it refuses and, as important, what it lets through.</summary>
public class IdentifierGuardTests
{
    public static TheoryData<string> CenturySigns() => ["+", "-", "Y", "X", "W", "V", "U", "A", "B", "C", "D", "E", "F"];

    [Theory]
    [MemberData(nameof(CenturySigns))]
    public void A_valid_identity_code_is_refused_with_every_century_sign(string sign)
    {
        Assert.Equal(IdentifierKind.PersonalIdentityCode, IdentifierGuard.Find($"131052{sign}308T"));
        Assert.Equal(IdentifierKind.PersonalIdentityCode, IdentifierGuard.Find($"010594{sign}123W"));
    }

    [Theory]
    [InlineData("290200A902D")]
    [InlineData("311299-999E")]
    [InlineData("010123A4563")]
    [InlineData("150623B075V")]
    [InlineData("131052a308t")]
    [InlineData("Asukas 131052-308T muutti")]
    [InlineData("R131052-308T")]
    [InlineData("131052-308T-2")]
    [InlineData("syntynyt 010594Y123W, ks. liite")]
    public void Identity_codes_are_found_anywhere_and_in_any_case(string value) =>
        Assert.Equal(IdentifierKind.PersonalIdentityCode, IdentifierGuard.Find(value));

    [Theory]
    [InlineData("131052-308U")]
    [InlineData("010594A123X")]
    [InlineData("290200A902E")]
    // A right checksum with an impossible date (day 32, month 13) is no identity code either.
    [InlineData("320152-308T")]
    [InlineData("131352-308T")]
    // The century sign must be one of the official ones.
    [InlineData("131052G308T")]
    public void Wrong_checksums_and_impossible_codes_pass_as_harmless(string value) =>
        Assert.Null(IdentifierGuard.Find(value));

    [Theory]
    [InlineData("matti.meikalainen@example.fi")]
    [InlineData("a@b.co")]
    [InlineData("Yhteys: Anna.Ös+seuranta@kunta.example.com kiitos")]
    [InlineData("x_y@sub.domain.org")]
    public void Email_addresses_are_refused(string value) =>
        Assert.Equal(IdentifierKind.EmailAddress, IdentifierGuard.Find(value));

    [Theory]
    [InlineData("040 123 4567")]
    [InlineData("0401234567")]
    [InlineData("040-123 4567")]
    [InlineData("050-1234567")]
    [InlineData("+358 40 123 4567")]
    [InlineData("+358401234567")]
    [InlineData("+358 (0)40 123 4567")]
    [InlineData("(09) 123 4567")]
    [InlineData("09 1234 567")]
    [InlineData("00358 40 1234567")]
    [InlineData("+44 20 7946 0958")]
    [InlineData("+1 (555) 123-4567")]
    [InlineData("0046 8 123 456")]
    [InlineData("soita 040 123 4567 iltaisin")]
    [InlineData("puh.0451234567")]
    public void Phone_numbers_are_refused_in_Finnish_and_international_forms(string value) =>
        Assert.Equal(IdentifierKind.PhoneNumber, IdentifierGuard.Find(value));

    [Theory]
    [InlineData("")]
    [InlineData("HKI-2024-0153")]
    [InlineData("A-123")]
    [InlineData("asukas_77")]
    [InlineData("2026-01-15")]
    [InlineData("15.1.2026")]
    [InlineData("01.02.2026")]
    [InlineData("Vuonna 2025 lisättiin 120 asuntoa, 2026 arviolta 30.")]
    [InlineData("Asunto ensin -tiimi aloitti 1.3.")]
    [InlineData("Places 0 5 10 15")]
    [InlineData("Kasvu 12345 euroa")]
    [InlineData("@kunta ei ole osoite")]
    public void Ordinary_text_numbers_and_dates_pass(string value) =>
        Assert.Null(IdentifierGuard.Find(value));
}
