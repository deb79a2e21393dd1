using System.Text;
using System.Text.Encodings.Web;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Platform.Email;

/// <summary>A short mail in the current language, as plain text and as HTML: paragraphs, then each link with its text on
/// a line of its own, then the signature. The HTML is a whole document with the language set, so that a screen reader
/// reads it in the right language.</summary>
public static class SimpleMail
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static (string Plain, string Html) Compose(string subject, IEnumerable<string> paragraphs, IEnumerable<(string Text, string Url)> links,
        string signature)
    {
        var plain = new StringBuilder();
        var html = new StringBuilder().Append("<!DOCTYPE html><html lang=\"").Append(Languages.Current)
            .Append("\"><head><meta charset=\"utf-8\"><title>").Append(Html.Encode(subject)).Append("</title></head><body>");
        foreach (var paragraph in paragraphs)
        {
            plain.Append(paragraph).Append("\n\n");
            html.Append("<p>").Append(Html.Encode(paragraph).Replace("\n", "<br>")).Append("</p>");
        }
        foreach (var (linkText, url) in links)
        {
            plain.Append(linkText).Append('\n').Append(url).Append("\n\n");
            html.Append("<p><a href=\"").Append(Html.Encode(url)).Append("\">").Append(Html.Encode(linkText)).Append("</a></p>");
        }
        plain.Append(signature).Append('\n');
        html.Append("<p>").Append(Html.Encode(signature)).Append("</p></body></html>");
        return (plain.ToString(), html.ToString());
    }
}
