using Microsoft.Extensions.Localization;
using Yhdessa.Features.Monitoring.Data;
using Yhdessa.Features.Monitoring.Rules;
using Yhdessa.Platform.Localization;

namespace Yhdessa.Features.Monitoring.Import;

/// <summary>
/// Coded values as people write them in a file: the code ("LongTermHomeless") or its name as the report table shows it
/// in Finnish, Swedish or English ("Pitkäaikaisasunnoton", "Långtidsbostadslös"), whatever the case and spaces.
/// Anything else stays as written, so that the error names it and lists what is allowed in the reader's language.
/// </summary>
public sealed class ImportLabels
{
    private readonly IStringLocalizer<MonitoringText> names;
    private readonly Dictionary<(Type, string), string> codes = [];

    public ImportLabels(IStringLocalizer<MonitoringText> names)
    {
        this.names = names;
        Add<SituationBefore>();
        Add<Destination>();
        Add<ServiceType>();
        Add<Measure>();
    }

    private void Add<T>() where T : struct, Enum
    {
        foreach (var code in Enum.GetNames<T>())
            foreach (var language in Languages.All)
                using (Languages.Use(language))
                    if (names[$"{typeof(T).Name}_{code}"] is { ResourceNotFound: false } label)
                        codes.TryAdd((typeof(T), Folded(label.Value)), code);
    }

    /// <summary>The code that <paramref name="text"/> stands for, or the text as written when it is neither a code nor a name.</summary>
    public string? Code<T>(string? text) where T : struct, Enum =>
        text is null ? null
        : Codes.TryParse<T>(text, out var value) ? value.ToString()
        : codes.GetValueOrDefault((typeof(T), Folded(text)), text);

    /// <summary>What may be written, in the reader's language: each name with its code, e.g. "Asunnoton (Homeless)".</summary>
    public string Allowed<T>(IEnumerable<string>? only = null) where T : struct, Enum =>
        string.Join(", ", (only ?? Enum.GetNames<T>()).Select(code => $"{names[$"{typeof(T).Name}_{code}"]} ({code})"));

    private static string Folded(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();
}
