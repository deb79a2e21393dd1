using System.Collections.Concurrent;
using System.Diagnostics;

namespace Yhdessa.Tests.Support;

/// <summary>
/// The app as a process of its own (the build's Yhdessa.dll, in the Production environment), for the tests that kill it
/// the way an operating system or an operator does: <see cref="Kill"/> is SIGKILL, with no chance to finish anything.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    public AppProcess(IEnumerable<string> settings)
    {
        // The app's own build next to this test assembly's: …/tests/Yhdessa.Tests/bin/Debug/net10.0 → …/src/Yhdessa/bin/Debug/net10.0.
        var build = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var folder = Path.Combine(Checkout.App, "bin", build.Parent!.Name, build.Name);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(folder, "Yhdessa.dll"));
        foreach (var setting in new[] { "--urls=http://127.0.0.1:0", "--Yhdessa:DemoData=false", "--Yhdessa:BaseUrl=https://yhdessa.test",
                     "--Logging:LogLevel:Default=Warning" }.Concat(settings))
            start.ArgumentList.Add(setting);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public bool HasExited => process.HasExited;

    /// <summary>What the process wrote, for the message of a failing test.</summary>
    public string Output => string.Join("\n", output.TakeLast(60));

    /// <summary>SIGKILL, and waits until the process is gone.</summary>
    public void Kill()
    {
        if (!process.HasExited) process.Kill();
        process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }
}
