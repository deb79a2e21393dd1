using System.Runtime.CompilerServices;

namespace Yhdessa.Tests.Support;

/// <summary>Settings for the whole test process, applied before any test host starts.</summary>
internal static class TestProcess
{
    /// <summary>
    /// Every test host would otherwise watch its configuration files and web root with inotify, and Linux allows
    /// only 128 inotify instances per user: with hundreds of hosts (and other test runs on the same machine) the
    /// limit is reached and pages fail. Tests never change those files while running, so nothing needs watching.
    /// </summary>
    [ModuleInitializer]
    internal static void Initialize()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
}
