using Yhdessa.Features.Monitoring.Rules;

namespace Yhdessa.Tests.Monitoring;

/// <summary>The identifier guard against the generated corpus (<see cref="IdentifierCorpus"/>): every disguised
/// identifier is refused, every harmless text passes, and a code holds no identity code even without its separators.</summary>
public class IdentifierCorpusTests
{
    public static TheoryData<string> Disguised() => [.. IdentifierCorpus.Disguised()];
    public static TheoryData<string> Harmless() => [.. IdentifierCorpus.Harmless()];

    [Fact]
    public void The_corpus_covers_each_class_of_identifier_and_of_harmless_text()
    {
        Assert.True(IdentifierCorpus.Disguised().Distinct().Count() >= 200);
        Assert.True(IdentifierCorpus.DisguisedIdentityCodes().Distinct().Count() >= 200);
        Assert.True(IdentifierCorpus.DisguisedEmailAddresses().Count() >= 50);
        Assert.True(IdentifierCorpus.DisguisedPhoneNumbers().Count() >= 80);
        Assert.True(IdentifierCorpus.Harmless().Distinct().Count() >= 200);
        // The generated codes are real identity codes by the guard's own reading, and the wrong ones are not.
        Assert.All(IdentifierCorpus.IdentityCodes, code => Assert.True(IdentifierGuard.ContainsIdentityCode(code), code));
        Assert.Equal("131052-308T", IdentifierCorpus.IdentityCodes[0]);
    }

    [Theory]
    [MemberData(nameof(Disguised))]
    public void A_disguised_identifier_is_refused(string text) => Assert.NotNull(IdentifierGuard.Find(text));

    [Theory]
    [MemberData(nameof(Harmless))]
    public void A_harmless_text_passes(string text) => Assert.Null(IdentifierGuard.Find(text));

    [Theory]
    [MemberData(nameof(Disguised))]
    public void A_disguised_identifier_in_a_code_is_refused_too(string text) => Assert.NotNull(IdentifierGuard.FindInCode(text));

    public static TheoryData<string> CodesHoldingIdentityCodes()
    {
        var codes = new TheoryData<string>();
        foreach (var code in IdentifierCorpus.IdentityCodes)
        {
            var signless = code[..6] + code[7..];
            codes.Add("2024" + code.Replace('+', '-'));
            codes.Add("9" + signless);
            codes.Add(code[..6] + "_" + code[7..]);
            codes.Add(signless);
            codes.Add("1999" + signless);
            codes.Add("R_" + code[..3] + "_" + code[3..6] + "_" + code[7..]);
            codes.Add(code[..6] + "__" + code[6..].Replace('+', '_'));
            codes.Add("HKI_" + signless.ToLowerInvariant() + "_2");
        }
        return codes;
    }

    [Theory]
    [MemberData(nameof(CodesHoldingIdentityCodes))]
    public void A_code_holding_an_identity_code_under_separators_is_refused(string code)
    {
        Assert.Equal(IdentifierKind.PersonalIdentityCode, IdentifierGuard.FindInCode(code));
        var errors = new List<RuleError>();
        TextRules.CheckResidentCode("ResidentCode", code, errors);
        Assert.Equal(RuleCodes.PersonalIdentityCode, Assert.Single(errors).Code);
    }

    [Theory]
    [InlineData("HKI-2024-0153")]
    [InlineData("ESP-B-0001")]
    [InlineData("r-001")]
    [InlineData("asukas_77")]
    [InlineData("0100000")]
    [InlineData("00012345")]
    [InlineData("0000000001")]
    [InlineData("0001234567")]
    [InlineData("0012345678")]
    [InlineData("1234567890")]
    [InlineData("A1B2C3D4E5F6")]
    [InlineData("TRE-2025-000001")]
    [InlineData("HKI-0100000")]
    public void Ordinary_codes_pass(string code)
    {
        var errors = new List<RuleError>();
        TextRules.CheckResidentCode("ResidentCode", code, errors);
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("１２３")]
    [InlineData("٣٤٥")]
    [InlineData("१२३४५६-७८९०")]
    [InlineData("A\uD800B")]
    [InlineData("\uDC00")]
    [InlineData("١٣١٠٥٢-٣٠٨T")]
    public void Digits_of_any_script_and_broken_text_never_throw(string text)
    {
        _ = IdentifierGuard.Find(text);
        _ = IdentifierGuard.FindInCode(text);
        Assert.Equal(IdentifierKind.PersonalIdentityCode, IdentifierGuard.Find("x" + text + " ١٣١٠٥٢-٣٠٨T"));
    }
}
