namespace Yhdessa.Platform.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>The configuration contract of the data layer (section <c>Yhdessa</c>).</summary>
public sealed class PlatformOptions
{
    /// <summary>Where the SQLite file and uploaded files live. Relative paths are relative to the content root.</summary>
    public string DataDirectory { get; set; } = "./data";
    public DatabaseSection Database { get; set; } = new();
    /// <summary>Fill an empty database with demo content.</summary>
    public bool DemoData { get; set; }
    public DemoSection Demo { get; set; } = new();
    /// <summary>The public address of the site, e.g. https://yhdessa.example.fi. Links in email are built from it, never from the Host header.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5000";

    public sealed class DatabaseSection
    {
        public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    }

    public sealed class DemoSection
    {
        public string Password { get; set; } = "demo-Yhdessa-2026!";
    }
}
