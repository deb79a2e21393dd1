using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
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
        catch (CryptographicException)
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
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Languages.All.Contains(language) ? language : Languages.Finnish);
        try { return build(); }
        finally { CultureInfo.CurrentUICulture = previous; }
    }

    /// <summary>
    /// The hours on the certificate: the event's duration on its first day, times the number of days, as a
    /// multi-day event (a study trip, a two-day seminar) runs the same hours each day.
    /// </summary>
    public static double Hours(Event ev)
    {
        var start = HelsinkiTime.ToHelsinki(ev.StartsAt);
        var end = HelsinkiTime.ToHelsinki(ev.EndsAt);
        var days = (end.Date - start.Date).Days + 1;
        var daily = days == 1 ? end - start : end.TimeOfDay - start.TimeOfDay;
        if (daily <= TimeSpan.Zero) daily = TimeSpan.FromHours(1);
        return Math.Round(daily.TotalHours * days * 2, MidpointRounding.AwayFromZero) / 2;
    }

    private byte[] Pdf(Event ev, string name)
    {
        CertificateFonts.EnsureRegistered();
        var culture = Languages.FormattingCulture(Languages.Current);
        var start = HelsinkiTime.ToHelsinki(ev.StartsAt);
        var end = HelsinkiTime.ToHelsinki(ev.EndsAt);
        var dates = start.Date == end.Date
            ? start.ToString("d.M.yyyy", CultureInfo.InvariantCulture)
            : $"{start.ToString("d.M.yyyy", CultureInfo.InvariantCulture)}–{end.ToString("d.M.yyyy", CultureInfo.InvariantCulture)}";
        var organisers = string.Join(", ", ev.Organisers.Select(o => o.Organisation?.Name).OfType<string>());

        using var document = new PdfDocument();
        document.Info.Title = p["CertificateTitle"] + ": " + ev.Title;
        document.Info.Author = p["CertificateSigner"];
        document.Info.Subject = name;
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using var gfx = XGraphics.FromPdfPage(page);
        var width = page.Width.Point;
        var margin = 60.0;
        var box = width - 2 * margin;
        var text = new XTextFormatter(gfx) { Alignment = XParagraphAlignment.Center };
        var title = new XFont(CertificateFonts.Family, 28, XFontStyleEx.Bold);
        var large = new XFont(CertificateFonts.Family, 22, XFontStyleEx.Bold);
        var body = new XFont(CertificateFonts.Family, 13, XFontStyleEx.Regular);
        var brand = new XSolidBrush(XColor.FromArgb(0x0b, 0x53, 0x94));

        gfx.DrawRectangle(new XPen(brand.Color, 3), margin / 2, margin / 2, width - margin, page.Height.Point - margin);
        text.DrawString(p["CertificateTitle"], title, brand, new XRect(margin, 110, box, 50), XStringFormats.TopLeft);
        text.DrawString(p["CertificateCertifies"], body, XBrushes.Black, new XRect(margin, 200, box, 25), XStringFormats.TopLeft);
        text.DrawString(name, large, XBrushes.Black, new XRect(margin, 235, box, 60), XStringFormats.TopLeft);
        text.DrawString(p["CertificateAttended"], body, XBrushes.Black, new XRect(margin, 305, box, 25), XStringFormats.TopLeft);
        text.DrawString(ev.Title, large, XBrushes.Black, new XRect(margin, 340, box, 90), XStringFormats.TopLeft);
        var facts = new List<string>
        {
            p["CertificateDates", dates],
            p["CertificateHours", Hours(ev).ToString("0.#", culture)],
        };
        if (organisers.Length > 0) facts.Add(p["CertificateOrganisers", organisers]);
        text.DrawString(string.Join("\n", facts), body, XBrushes.Black, new XRect(margin, 450, box, 120), XStringFormats.TopLeft);
        text.DrawString(p["CertificateSigner"], body, brand, new XRect(margin, 640, box, 50), XStringFormats.TopLeft);
        text.DrawString(p["CertificateFooter"], new XFont(CertificateFonts.Family, 9, XFontStyleEx.Regular), XBrushes.DimGray,
            new XRect(margin, 740, box, 40), XStringFormats.TopLeft);

        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }
}

/// <summary>
/// PDFsharp finds no system fonts on Linux, so the certificate brings its own: DejaVu Sans (regular and bold),
/// embedded in the assembly. DejaVu is free to use and redistribute (Bitstream Vera licence, DejaVu changes in the
/// public domain; see Fonts/LICENSE.txt). It covers å, ä, ö and every other letter a name may have in the Nordic countries.
/// </summary>
internal sealed class CertificateFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private static readonly Lock Registering = new();
    private static bool registered;

    public static void EnsureRegistered()
    {
        lock (Registering)
        {
            if (registered) return;
            // PDFsharp has one resolver for the whole process; another feature may have set one already.
            GlobalFontSettings.FontResolver ??= new CertificateFonts();
            registered = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        familyName.Equals(Family, StringComparison.OrdinalIgnoreCase)
            ? new FontResolverInfo(isBold ? "DejaVuSans-Bold" : "DejaVuSans", false, isItalic)
            : null;

    public byte[]? GetFont(string faceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Yhdessa.Features.Events.Participants.Fonts.{faceName}.ttf");
        if (stream is null) return null;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
