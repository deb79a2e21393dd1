using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Yhdessa.Tests.Platform;

/// <summary>
/// The mechanical half of the interface's words (the other half is a person's reading, docs/usability.md): every text
/// is there in Finnish, Swedish and English, says the same numbers and names in each, and has no stray spaces, so that
/// no page shows a key, a missing value or "rf , Jari".
/// </summary>
public sealed partial class TextsTests
{
    private static readonly string[] Languages = ["fi", "sv", "en"];

    /// <summary>Each text file of the app (its path without ".fi.resx"), found in the checkout.</summary>
    public static TheoryData<string> TextFiles()
    {
        var app = Checkout.App;
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(app, "*.fi.resx", SearchOption.AllDirectories).Order())
            data.Add(Path.GetRelativePath(app, file)[..^".fi.resx".Length]);
        return data;
    }

    [Theory]
    [MemberData(nameof(TextFiles))]
    public void Every_text_is_in_every_language_with_the_same_placeholders_and_no_stray_spaces(string textFile)
    {
        var texts = Languages.ToDictionary(language => language, language => Read(textFile, language));
        var problems = new List<string>();
        foreach (var language in Languages[1..])
        {
            problems.AddRange(texts["fi"].Keys.Except(texts[language].Keys).Select(key => $"{key}: no {language} text"));
            problems.AddRange(texts[language].Keys.Except(texts["fi"].Keys).Select(key => $"{key}: {language} only"));
        }
        foreach (var (language, values) in texts)
        {
            foreach (var (key, value) in values)
            {
                var where = $"{key} ({language})";
                if (value != value.Trim()) problems.Add($"{where}: begins or ends with a space");
                if (value.Contains("  ")) problems.Add($"{where}: two spaces in a row");
                if (SpaceBeforePunctuation().IsMatch(value)) problems.Add($"{where}: a space before a punctuation mark");
                if (value.Length == 0) problems.Add($"{where}: empty");
                if (key.EndsWith("_One"))
                {
                    // "1 paikka" may say its number or not ("kerran"), but says nothing the many-form does not.
                    var many = key[..^"_One".Length];
                    if (!values.TryGetValue(many, out var manyValue)) problems.Add($"{where}: no text {many} for many");
                    else if (!Placeholders(value).IsSubsetOf(Placeholders(manyValue))) problems.Add($"{where}: a placeholder that {many} has not");
                }
                else if (texts["fi"].TryGetValue(key, out var finnish) && !Placeholders(value).SetEquals(Placeholders(finnish)))
                {
                    problems.Add($"{where}: placeholders {string.Join(" ", Placeholders(value))}, Finnish has {string.Join(" ", Placeholders(finnish))}");
                }
            }
        }
        Assert.True(problems.Count == 0, $"{textFile}:\n" + string.Join("\n", problems));
    }

    private static Dictionary<string, string> Read(string textFile, string language)
    {
        var path = Path.Combine(Checkout.App, $"{textFile}.{language}.resx");
        Assert.True(File.Exists(path), $"{path} is missing");
        return XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(data => (string)data.Attribute("name")!, data => (string?)data.Element("value") ?? "");
    }

    /// <summary>The numbers of a text's placeholders: "{0}" and "{1:N0}" give 0 and 1.</summary>
    private static SortedSet<int> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => int.Parse(m.Groups[1].Value))];

    [GeneratedRegex(@"(?<!\{)\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@" [,.;:!?](\s|$)")]
    private static partial Regex SpaceBeforePunctuation();
}
