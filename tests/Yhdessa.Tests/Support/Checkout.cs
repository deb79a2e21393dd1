namespace Yhdessa.Tests.Support;

/// <summary>The checkout the tests run from: the folder of Yhdessa.slnx, above the test assembly's.</summary>
public static class Checkout
{
    public static string Folder { get; } = Find();

    /// <summary>The app's source folder, src/Yhdessa.</summary>
    public static string App => Path.Combine(Folder, "src", "Yhdessa");

    private static string Find()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Yhdessa.slnx"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException($"no Yhdessa.slnx above {AppContext.BaseDirectory}");
    }
}
