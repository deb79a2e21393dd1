using System.Text;

namespace Yhdessa.Platform.Data;

/// <summary>Reads the small comma-separated data files shipped with the app (municipalities, context series).</summary>
public static class CsvLine
{
    /// <summary>One line of RFC 4180 CSV: fields may be quoted, and a quoted field may hold commas and doubled quotes.</summary>
    public static string[] Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return [.. fields];
    }
}
