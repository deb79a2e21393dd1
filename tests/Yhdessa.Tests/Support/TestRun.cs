using System.Runtime.CompilerServices;

namespace Yhdessa.Tests.Support;

internal static class TestRun
{
    /// <summary>Test hosts start synchronously (WebApplicationFactory), and the first ones wait for the template
    /// databases: dozens of collections starting at once would otherwise hold every pool thread while waiting, and the
    /// pool adds threads only slowly, so the start of a run crawled.</summary>
    [ModuleInitializer]
    internal static void Start() => ThreadPool.SetMinThreads(Math.Max(64, Environment.ProcessorCount * 8), 64);
}
