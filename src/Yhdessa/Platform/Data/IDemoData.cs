namespace Yhdessa.Platform.Data;

/// <summary>
/// Demo content of one feature. Runs once, on the first start of a database with <c>Yhdessa:DemoData</c>
/// on; <see cref="Order"/> decides the turn (accounts before the network that refers to them).
/// </summary>
public interface IDemoData
{
    int Order { get; }
    Task SeedAsync(CancellationToken cancellationToken);
}
