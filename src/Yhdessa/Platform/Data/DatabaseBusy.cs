using System.Net.Sockets;
using Npgsql;

namespace Yhdessa.Platform.Data;

/// <summary>
/// Tells a database that cannot take a request right now from a fault of the app: every connection of the pool
/// stayed busy for the whole wait, the server refused a new connection (too many clients, starting up or shutting
/// down), or it could not be reached or did not answer in time. Such a request is worth trying again in a moment;
/// its transaction was never begun or was rolled back, so nothing of it was saved.
/// </summary>
public static class DatabaseBusy
{
    /// <summary>The seconds a client is asked to wait before trying again (the <c>Retry-After</c> header).</summary>
    public const int RetryAfterSeconds = 10;

    /// <summary>Looks through the whole chain, as the database's exception reaches the app wrapped: in a
    /// DbUpdateException, in the InvalidOperationException of EF's execution strategy, or in an AggregateException.</summary>
    public static bool Is(Exception? exception) => exception switch
    {
        null => false,
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.TooManyConnections
            or PostgresErrorCodes.CannotConnectNow,
        // The pool's wait, the connect timeout and the command timeout all end in a TimeoutException inside;
        // a server that cannot be reached, in a SocketException.
        NpgsqlException { InnerException: TimeoutException or SocketException } => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(Is),
        _ => Is(exception.InnerException),
    };
}
