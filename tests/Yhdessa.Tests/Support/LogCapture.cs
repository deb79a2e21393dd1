using Microsoft.Extensions.Logging;

namespace Yhdessa.Tests.Support;

/// <summary>Keeps what the app logs, for tests of what an operator reads (test hosts log nothing otherwise).</summary>
public sealed class LogCapture : ILoggerProvider, ILogger
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> messages = new();
    public IReadOnlyList<string> Messages => [.. messages];
    public ILogger CreateLogger(string categoryName) => this;
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
    public bool IsEnabled(LogLevel logLevel) => true;
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        messages.Enqueue(formatter(state, exception) + (exception is null ? "" : " " + exception));
    public void Dispose() { }
}
