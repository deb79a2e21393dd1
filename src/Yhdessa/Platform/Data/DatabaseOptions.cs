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
    /// <summary>The public address of the site, e.g. https://yhdessa.example.fi. Links in email are built from it, never
    /// from the Host header; when it is not set, from the address the server listens on (<see cref="Web.PublicAddress"/>).</summary>
    public string BaseUrl { get; set; } = Web.PublicAddress.Default;
    /// <summary>The network's contact address, e.g. for feedback on accessibility; without it, feedback goes to the coordinators.</summary>
    public string? ContactEmail { get; set; }

    public sealed class DatabaseSection
    {
        public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

        /// <summary>PostgreSQL connections one app instance keeps at most (Npgsql's <c>Maximum Pool Size</c>), unless
        /// the connection string sets its own. Npgsql's 100 would let one instance take every slot of a default server
        /// (max_connections 100); 25 leaves room for a few instances and the operators' own connections.</summary>
        public int MaxPoolSize { get; set; } = 25;

        /// <summary>How long a request waits for a free PostgreSQL connection (Npgsql's <c>Timeout</c>), unless the
        /// connection string sets its own; then the database is busy and the person is asked to try again.</summary>
        public int ConnectionTimeoutSeconds { get; set; } = 10;
    }

    public sealed class DemoSection
    {
        public string Password { get; set; } = "demo-Yhdessa-2026!";
    }
}
