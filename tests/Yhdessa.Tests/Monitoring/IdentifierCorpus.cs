using System.Globalization;
using System.Text;
using Yhdessa.Features.Monitoring.Rules;

namespace Yhdessa.Tests.Monitoring;

/// <summary>
/// TEST HELPER: identifiers in the disguises people (and scripts) write them in, made from a few identity codes whose
/// check character is computed here, and harmless texts that look a little like them. The guard must refuse every
/// disguise and pass every harmless text.
/// </summary>
public static class IdentifierCorpus
{
    /// <summary>An identity code with its check character: the remainder of DDMMYYNNN modulo 31.</summary>
    public static string IdentityCode(int day, int month, int year, char sign, int individual)
    {
        var digits = $"{day:00}{month:00}{year % 100:00}{individual:000}";
        var check = IdentifierGuard.ChecksumCharacters[(int)(long.Parse(digits, CultureInfo.InvariantCulture) % 31)];
        return $"{digits[..6]}{sign}{digits[6..]}{check}";
    }

    /// <summary>The same code with a wrong check character, which is no identity code.</summary>
    public static string WrongCheck(string code)
    {
        var right = IdentifierGuard.ChecksumCharacters.IndexOf(code[^1]);
        return code[..^1] + IdentifierGuard.ChecksumCharacters[(right + 7) % 31];
    }

    /// <summary>Codes of every century, with letter and digit check characters (the tests below need both).</summary>
    public static readonly string[] IdentityCodes =
    [
        IdentityCode(13, 10, 1952, '-', 308), IdentityCode(1, 5, 1994, 'Y', 123), IdentityCode(29, 2, 2000, 'A', 902),
        IdentityCode(31, 12, 1999, '-', 999), IdentityCode(15, 6, 2023, 'B', 75), IdentityCode(7, 7, 2007, 'A', 707),
        IdentityCode(24, 12, 1875, '+', 123), IdentityCode(5, 11, 1988, '-', 202), IdentityCode(2, 1, 1961, '-', 457),
        IdentityCode(18, 3, 2012, 'A', 346),
    ];

    private static IEnumerable<string> DashCodes => IdentityCodes.Where(c => c[6] == '-');
    private static IEnumerable<string> LetterCheckCodes => IdentityCodes.Where(c => char.IsAsciiLetter(c[^1]));

    /// <summary>Decimal digits of other scripts: full-width, Arabic-Indic, Eastern Arabic-Indic, Devanagari, Bengali,
    /// Thai, and mathematical bold (outside the basic plane).</summary>
    private static readonly int[] DigitZeros = [0xFF10, 0x0660, 0x06F0, 0x0966, 0x09E6, 0x0E50, 0x1D7CE];

    private static readonly string[] Dashes = ["\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "\uFE63", "\uFF0D", "\u2E3A"];

    private static readonly string[] Invisibles = ["\u200B", "\u2060", "\u00AD", "\uFEFF", "\u200C", "\u200D", "\u200E", "\u2061"];

    /// <summary>Latin capitals that Cyrillic (first) and Greek (second) letters look like.</summary>
    private static readonly Dictionary<char, (char Cyrillic, char Greek)> LookAlikes = new()
    {
        ['A'] = ('А', 'Α'), ['B'] = ('В', 'Β'), ['C'] = ('С', 'Ϲ'), ['E'] = ('Е', 'Ε'), ['H'] = ('Н', 'Η'),
        ['K'] = ('К', 'Κ'), ['M'] = ('М', 'Μ'), ['P'] = ('Р', 'Ρ'), ['T'] = ('Т', 'Τ'), ['X'] = ('Х', 'Χ'), ['Y'] = ('У', 'Υ'),
    };

    public static string WithDigits(string text, int zero) =>
        string.Concat(text.Select(c => char.IsAsciiDigit(c) ? char.ConvertFromUtf32(zero + (c - '0')) : c.ToString()));

    private static string FullWidth(string text) =>
        string.Concat(text.Select(c => c is >= '!' and <= '~' ? (char)(c - '!' + '\uFF01') : c));

    private static string Between(string text, string separator) => string.Join(separator, text.Select(c => c.ToString()));

    private static string Middle(string text, string insert) => text[..(text.Length / 2)] + insert + text[(text.Length / 2)..];

    private static string Sentence(string code, int n) => (n % 4) switch
    {
        0 => $"Asukkaan tunnus on {code}, kiitos.",
        1 => $"Muutti 1.3.2025 ({code}) asuntoon.",
        2 => $"{code}\nuusi vuokrasopimus",
        _ => $"Ks. {code}. Summa 1 200,50 €.",
    };

    /// <summary>Every identity code in every disguise that a person would still read as the code.</summary>
    public static IEnumerable<string> DisguisedIdentityCodes()
    {
        var n = 0;
        foreach (var code in IdentityCodes)
        {
            yield return code;
            yield return code.ToLowerInvariant();
            yield return Sentence(code, n++);
            yield return "9" + code;
            yield return "2024" + code;
            foreach (var zero in DigitZeros) yield return Sentence(WithDigits(code, zero), n++);
            yield return FullWidth(code);
            foreach (var invisible in Invisibles) yield return Middle(code, invisible);
            yield return Between(code, "\u2060");
            yield return Between(code, "\u00AD");
            yield return Between(code, " ");
            yield return code[..6] + "\n" + code[6..];
            yield return code[..7] + "\r\n" + code[7..];
            yield return code[..^1] + "\n" + code[^1];
            yield return $"{code[..3]} {code[3..6]} {code[6]} {code[7..10]} {code[10]}";
            yield return $"{code[..2]}.{code[2..4]}.{code[4..6]}{code[6..]}";
            yield return $"{code[..6]}\t{code[6..]}";
            if (LookAlikes.TryGetValue(code[^1], out var check))
            {
                yield return code[..^1] + check.Cyrillic;
                yield return code[..^1] + check.Greek;
            }
            if (LookAlikes.TryGetValue(code[6], out var sign))
            {
                yield return code[..6] + sign.Cyrillic + code[7..];
                yield return code[..6] + sign.Greek + code[7..];
            }
        }
        foreach (var code in DashCodes)
            foreach (var dash in Dashes)
                yield return Sentence(code.Replace("-", dash), n++);
        foreach (var code in LetterCheckCodes)
        {
            var signless = code[..6] + code[7..];
            yield return signless;
            yield return $"Tunnus {signless} poistettava";
            yield return code[..6] + "_" + code[7..];
            yield return code[..6] + " " + code[7..];
        }
    }

    public static IEnumerable<string> DisguisedEmailAddresses()
    {
        string[] addresses = ["matti.meikalainen@example.fi", "anna.virtanen@kunta.fi", "x_y@sub.domain.org", "tuki+asukas@palvelu.example.com"];
        foreach (var address in addresses)
        {
            var (local, domain) = (address[..address.IndexOf('@')], address[(address.IndexOf('@') + 1)..]);
            var host = domain[..domain.LastIndexOf('.')];
            yield return address;
            yield return $"Yhteys: {local}\uFF20{domain}";
            yield return $"{local}\uFE6B{domain}";
            yield return $"{local} @ {domain}";
            yield return $"{local} [at] {domain}";
            yield return $"{local}[at]{domain}";
            yield return $"{local}(at){domain}";
            yield return $"{local} (at) {host} (dot) fi";
            yield return $"{local}@{host}";
            yield return FullWidth(address);
            yield return Middle(address, "\u200B");
            yield return address.Replace("@", "\u00AD@\u2060");
            yield return address.Replace('a', 'а').Replace('e', 'е').Replace('o', 'о');
            yield return $"lähetä {local} @{domain}";
        }
    }

    public static IEnumerable<string> DisguisedPhoneNumbers()
    {
        string[][] numbers = [["040", "123", "4567"], ["050", "765", "4321"], ["09", "310", "12345"], ["045", "678", "9012"]];
        foreach (var parts in numbers)
        {
            var plain = string.Join(" ", parts);
            yield return plain;
            yield return string.Join(".", parts);
            yield return string.Join("/", parts);
            yield return string.Join("\t", parts);
            yield return string.Join("    ", parts);
            yield return $"soita {parts[0]}  \t {parts[1]} {parts[2]}";
            yield return string.Join("\n", parts);
            yield return string.Join("\u00A0", parts);
            yield return string.Join("\u202F", parts);
            yield return $"({parts[0]}) {parts[1]}-{parts[2]}";
            yield return Between(string.Concat(parts), "\u200B");
            yield return $"+358 {parts[0][1..]} {parts[1]} {parts[2]}";
            yield return $"+358{parts[0][1..]}.{parts[1]}.{parts[2]}";
            foreach (var dash in Dashes) yield return string.Join(dash, parts);
            foreach (var zero in DigitZeros) yield return $"puh. {WithDigits(plain, zero)}";
        }
    }

    public static IEnumerable<string> Disguised() =>
        DisguisedIdentityCodes().Concat(DisguisedEmailAddresses()).Concat(DisguisedPhoneNumbers());

    /// <summary>Texts a report may well contain: dates, periods, times, amounts, postcodes, years, reference numbers,
    /// sentences with numbers, zero-padded codes, and identity codes with a wrong check character in every disguise.</summary>
    public static IEnumerable<string> Harmless()
    {
        var dates = new[] { new DateOnly(2052, 10, 13), new DateOnly(2024, 10, 13), new DateOnly(2025, 1, 1), new DateOnly(2026, 6, 5),
            new DateOnly(2025, 12, 31), new DateOnly(2024, 2, 29), new DateOnly(2025, 5, 6), new DateOnly(2025, 8, 9) };
        foreach (var date in dates)
        {
            yield return date.ToString("d.M.yyyy", CultureInfo.InvariantCulture);
            yield return date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
            yield return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            yield return date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
            yield return date.ToString("dd.MM.yy", CultureInfo.InvariantCulture);
            yield return $"Muutti {date.ToString("d.M.", CultureInfo.InvariantCulture)} ja asuu yhä.";
            yield return WithDigits(date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), 0xFF10);
        }
        foreach (var dash in Dashes.Append("-"))
        {
            yield return $"ajalla 1.1.{dash}31.12.2024";
            yield return $"klo 8.30{dash}16.00";
            yield return $"vuosina 2020{dash}2025";
            yield return $"{dash}5 asuntoa";
            yield return $"sivut 12{dash}18";
        }
        string[] amounts = ["1 200,50 €", "1\u00A0200,50 €", "12 000 €", "1 234 567,89 euroa", "350 000 €", "0,5 milj. €", "2 500 €/kk",
            "vuokra 650,00 €", "yhteensä 10 400 000 euroa", "-1 200 €"];
        foreach (var amount in amounts) { yield return amount; yield return $"Kustannukset olivat {amount} vuonna 2025."; }
        string[] postcodes = ["00100", "00100 Helsinki", "02100 Espoo", "33100 Tampere", "00530 Helsinki", "90100 Oulu", "PL 123, 00101 Helsinki", "20100 Turku"];
        foreach (var postcode in postcodes) { yield return postcode; yield return $"Toimipiste osoitteessa Esimerkkikatu 1, {postcode}."; }
        for (var year = 2015; year <= 2030; year++) yield return $"Vuonna {year} lisättiin {year % 97} asuntoa.";
        string[] references =
        [
            "viitenumero 12345 67890 12345", "RF18 5390 0754 7034", "Y-tunnus 1234567-8", "laskunumero 2024-000123",
            "diaarinumero VN/1234/2024", "asiakasnumero 123456789", "tilausnumero 100-2000-300", "sopimus 2024/00017",
            "hankenumero 12345678", "tiketti #4021-7785", "IBAN FI21 1234 5600 0007 85", "päätös 123/2025 § 14",
            "kohde 1234567890", "OID 1.2.246.562.10.00000000001", "Viite 1 23456 78900", "asianumero 1200/05.00/2024",
        ];
        foreach (var reference in references) yield return reference;
        string[] sentences =
        [
            "Asunto ensin -tiimi aloitti 1.3. ja tukee 25 asukasta.", "Yksikössä on 120 paikkaa, joista 12 tyhjänä.",
            "Kasvua edellisestä vuodesta 35 %.", "Uusi kerrostalo valmistui syksyllä 2025 (48 asuntoa).",
            "Places 0 5 10 15", "Kasvu 12345 euroa", "@kunta ei ole osoite", "Tavataan klo 10 @ kirjasto",
            "Asukkaita oli 31.12. yhteensä 208.", "Työntekijöitä 4,5 htv; tavoite 6 htv vuoteen 2027.",
            "Vaihe 2/3 valmis", "Q3 2025: 17 muuttoa", "Talot A, B ja C", "Kerros 3, huoneet 301–315",
            "1. Asumisneuvonta 2. Vertaistuki 3. Jalkautuva työ", "Pisteet: 9,5 / 10", "HKI-2024-0153", "A-123", "asukas_77",
            "0100000", "00012345", "0000123", "0012345678", "0800 0000", "HKI-0100000", "R 00012345", "0101-0001",
            "Yksikön koodi 0100000 vuodelle 2025.", "Kerro @tukipalvelu-tiimille.", "henkilötunnus poistettu", "11 % 2025",
        ];
        foreach (var sentence in sentences) yield return sentence;
        // Codes whose day begins with 0 are left out: "051188-202" is also a landline number (05 118 8202) and refused as one.
        foreach (var code in IdentityCodes.Where(c => c[0] != '0').Select(WrongCheck))
        {
            yield return code;
            yield return WithDigits(code, 0xFF10);
            yield return Middle(code, "\u2060");
            yield return code.Replace("-", "\u2013");
            yield return $"Tunnus {code} on keksitty.";
        }
    }
}
