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
    // Mobile prefixes 040–046, 0457, 0400, 050, with and without grouping.
    [InlineData("0400 123 456")]
    [InlineData("0457 123 4567")]
    [InlineData("044-1234 567")]
    [InlineData("040 12 34 567")]
    [InlineData("050 123 45 67")]
    [InlineData("+358 50 123 4567")]
    [InlineData("+358 457 123 4567")]
    [InlineData("00358401234567")]
    // Landlines of every kind of area code, also written with the area code in brackets.
    [InlineData("02 123 4567")]
    [InlineData("03 1234 567")]
    [InlineData("(03) 123 456")]
    [InlineData("013 123 456")]
    [InlineData("019 123 4567")]
    [InlineData("0912345678")]
    [InlineData("+358 (0)9 123 4567")]
    [InlineData("00358 9 123 4567")]
    // National and service numbers.
    [InlineData("010 123 4567")]
    [InlineData("020 690 600")]
    [InlineData("0295 020 500")]
    [InlineData("0800 12345")]
    [InlineData("0800 9 4001")]
    [InlineData("0100 100")]
    [InlineData("075 325 1234")]
    // Foreign numbers after + or 00, with or without grouping.
    [InlineData("+46 8 123 456 78")]
    [InlineData("+4681234567")]
    [InlineData("0044 20 7946 0958")]
    [InlineData("00442079460958")]
    [InlineData("+49 30 1234567")]
    // A number next to other digits: a year after it, a code before it.
    [InlineData("040 123 4567 2025")]
    [InlineData("00012345 040 123 4567")]
    public void Phone_numbers_are_refused_in_Finnish_and_international_forms(string value) =>
        Assert.Equal(IdentifierKind.PhoneNumber, IdentifierGuard.Find(value));

    /// <summary>Units pad their own pseudonymous codes with zeros; such a code is no phone number, however long.</summary>
    [Theory]
    [InlineData("0100000")]
    [InlineData("00012345")]
    [InlineData("0000123")]
    [InlineData("0012345")]
    [InlineData("01000000")]
    [InlineData("0000000001")]
    [InlineData("0001234567")]
    [InlineData("0012345678")]
    [InlineData("0400000")]
    [InlineData("04000000")]
    [InlineData("0900000")]
    [InlineData("09012345")]
    [InlineData("0130000")]
    [InlineData("0800 0000")]
    [InlineData("0100000 2025")]
    [InlineData("HKI-0100000")]
    [InlineData("R 00012345")]
    [InlineData("0101-0001")]
    public void Resident_codes_padded_with_zeros_are_not_phone_numbers(string value) =>
        Assert.Null(IdentifierGuard.Find(value));

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
