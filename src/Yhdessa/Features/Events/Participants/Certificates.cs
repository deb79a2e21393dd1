using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;
using Yhdessa.Features.Events.Data;
using Yhdessa.Features.Events.Registration.Data;
using Yhdessa.Platform.Data;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Events.Participants;

public enum CertificateRefusal { NotFound, NotAttended, Erased }

public sealed record CertificateResult(byte[]? Pdf, CertificateRefusal? Refusal, string FileName);

/// <summary>
/// Attendance certificates: a PDF for a participant marked as attended, in the language they registered in. A member
/// downloads theirs when signed in; a guest by the signed link in the thank-you email (<see cref="Link"/>), which
/// names the registration and cannot be altered to name another. Once the person's data is erased, there is no name
/// left to certify and the certificate is refused.
/// </summary>
public sealed class Certificates(YhdessaDb db, IDataProtectionProvider protection, IStringLocalizer<ParticipantsText> p,
    IOptions<PlatformOptions> options)
{
    private readonly IDataProtector protector = protection.CreateProtector("Yhdessa.Events.Certificate.v1");

    public string Link(int registrationId) =>
        $"{options.Value.BaseUrl.TrimEnd('/')}/events/certificate/{protector.Protect(registrationId.ToString(CultureInfo.InvariantCulture))}";

    /// <summary>The registration a link names, or null for a link that was altered or made up.</summary>
    public int? RegistrationOf(string token)
    {
        try
        {
            return int.TryParse(protector.Unprotect(token), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }

    public async Task<CertificateResult> ForRegistrationAsync(int registrationId, CancellationToken cancellationToken)
    {
        var registration = await db.EventRegistrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == registrationId, cancellationToken);
        return await BuildAsync(registration, cancellationToken);
    }

    /// <summary>A signed-in member's own certificate for one event.</summary>
    public async Task<CertificateResult> ForMemberAsync(int eventId, string userId, CancellationToken cancellationToken)
    {
        var registration = await db.EventRegistrations.AsNoTracking()
            .Where(r => r.EventId == eventId && r.UserId == userId)
            .OrderByDescending(r => r.Attendance == Attendance.Attended).ThenByDescending(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return await BuildAsync(registration, cancellationToken);
    }

    private async Task<CertificateResult> BuildAsync(EventRegistration? registration, CancellationToken cancellationToken)
    {
        if (registration is null) return new(null, CertificateRefusal.NotFound, "");
        if (registration.PersonalDataErasedAt is not null) return new(null, CertificateRefusal.Erased, "");
        if (registration.Status != RegistrationStatus.Confirmed || registration.Attendance != Attendance.Attended)
            return new(null, CertificateRefusal.NotAttended, "");
        var ev = await db.Events.AsNoTracking().Include(e => e.Organisers).ThenInclude(o => o.Organisation)
            .FirstAsync(e => e.Id == registration.EventId, cancellationToken);
        if (ev.Status == EventStatus.Cancelled) return new(null, CertificateRefusal.NotAttended, "");
        return new(InLanguage(registration.Language, () => Pdf(ev, registration.Name)), null, $"{ev.Slug}-certificate.pdf");
    }

    /// <summary>Texts, titles and organisation names follow the current UI culture: set it to the participant's language.</summary>
    private static T InLanguage<T>(string language, Func<T> build)
    {
        using var _ = Languages.Use(language);
        return build();
    }

    /// <summary>
    /// The hours on the certificate: an event of a day or less (an evening that goes past midnight too) counts
    /// its whole length; a multi-day event (a study trip, a two-day seminar) its first day's hours times the
    /// number of days, as it runs the same hours each day.
    /// </summary>
    public static double Hours(Event ev)
    {
        var start = HelsinkiTime.ToHelsinki(ev.StartsAt);
        var end = HelsinkiTime.ToHelsinki(ev.EndsAt);
        var oneSitting = end - start <= TimeSpan.FromDays(1);
        var days = oneSitting ? 1 : (end.Date - start.Date).Days + 1;
        var daily = oneSitting ? end - start : end.TimeOfDay - start.TimeOfDay;
        if (daily <= TimeSpan.Zero) daily = TimeSpan.FromHours(1);
        return Math.Round(daily.TotalHours * days * 2, MidpointRounding.AwayFromZero) / 2;
    }

    private byte[] Pdf(Event ev, string name)
    {
        var culture = Languages.FormattingCulture(Languages.Current);
        var start = HelsinkiTime.ToHelsinki(ev.StartsAt);
        var end = HelsinkiTime.ToHelsinki(ev.EndsAt);
        var dates = start.Date == end.Date
            ? HelsinkiTime.Date(ev.StartsAt)
            : $"{HelsinkiTime.Date(ev.StartsAt)}–{HelsinkiTime.Date(ev.EndsAt)}";
        var organisers = string.Join(", ", ev.Organisers.Select(o => o.Organisation?.Name).OfType<string>());

        using var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = p["CertificateTitle"] + ": " + ev.Title;
        builder.DocumentInformation.Author = p["CertificateSigner"];
        builder.DocumentInformation.Subject = name;
        var regular = builder.AddTrueTypeFont(CertificateFonts.Regular.Value);
        var bold = builder.AddTrueTypeFont(CertificateFonts.Bold.Value);
        var page = new CertificatePage(builder.AddPage(PageSize.A4));

        page.Frame();
        var y = page.Top - 120;
        y = page.Centred(p["CertificateTitle"], bold, 28, y, brand: true) - 40;
        y = page.Centred(p["CertificateCertifies"], regular, 13, y) - 14;
        y = page.Centred(name, bold, 22, y) - 14;
        y = page.Centred(p["CertificateAttended"], regular, 13, y) - 14;
        y = page.Centred(ev.Title, bold, 20, y) - 30;
        y = page.Centred(p["CertificateDates", dates], regular, 13, y);
        var hours = Hours(ev);
        y = page.Centred(hours == 1 ? p["CertificateHours_One"] : p["CertificateHours", hours.ToString("0.#", culture)], regular, 13, y);
        if (organisers.Length > 0) y = page.Centred(p["CertificateOrganisers", organisers], regular, 13, y);
        page.Centred(p["CertificateSigner"], bold, 14, Math.Min(y - 60, 200), brand: true);
        page.Centred(p["CertificateFooter"], regular, 9, 80);
        return builder.Build();
    }
}

/// <summary>Centred, wrapped lines on an A4 page, top to bottom.</summary>
internal sealed class CertificatePage(PdfPageBuilder page)
{
    private const double Margin = 60;
    private static readonly (byte R, byte G, byte B) Brand = (0x0b, 0x53, 0x94);

    public double Top => page.PageSize.Height;

    public void Frame()
    {
        page.SetStrokeColor(Brand.R, Brand.G, Brand.B);
        page.DrawRectangle(new PdfPoint(Margin / 2, Margin / 2), page.PageSize.Width - Margin, page.PageSize.Height - Margin, 3);
        page.ResetColor();
    }

    /// <summary>Writes the text centred from the baseline <paramref name="y"/> down, wrapped at word boundaries, and
    /// returns the baseline of the next line.</summary>
    public double Centred(string text, PdfDocumentBuilder.AddedFont font, double size, double y, bool brand = false)
    {
        var width = page.PageSize.Width - 2 * Margin;
        if (brand) page.SetTextAndFillColor(Brand.R, Brand.G, Brand.B);
        foreach (var line in Wrap(text, font, size, width))
        {
            var x = Margin + (width - Width(line, font, size)) / 2;
            page.AddText(line, size, new PdfPoint(x, y), font);
            y -= size * 1.4;
        }
        if (brand) page.ResetColor();
        return y;
    }

    private IEnumerable<string> Wrap(string text, PdfDocumentBuilder.AddedFont font, double size, double width)
    {
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var longer = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && Width(longer, font, size) > width)
            {
                yield return line;
                line = word;
            }
            else line = longer;
        }
        if (line.Length > 0) yield return line;
    }

    private double Width(string text, PdfDocumentBuilder.AddedFont font, double size)
    {
        var letters = page.MeasureText(text, size, new PdfPoint(0, 0), font);
        return letters.Count == 0 ? 0 : letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
    }
}

/// <summary>
/// The certificate brings its own font, so it looks the same on any server: DejaVu Sans (regular and bold), embedded
/// in the assembly. DejaVu is free to use and redistribute (Bitstream Vera licence, DejaVu changes in the public
/// domain; see Fonts/LICENSE.txt), and it covers å, ä, ö and the letters of names from across Europe.
/// </summary>
internal static class CertificateFonts
{
    public static readonly Lazy<byte[]> Regular = new(() => Load("DejaVuSans"));
    public static readonly Lazy<byte[]> Bold = new(() => Load("DejaVuSans-Bold"));

    private static byte[] Load(string face)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Yhdessa.Features.Events.Participants.Fonts.{face}.ttf")
            ?? throw new InvalidOperationException($"The font {face} is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
