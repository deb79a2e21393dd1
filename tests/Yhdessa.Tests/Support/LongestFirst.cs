using Xunit.Abstractions;

[assembly: TestCollectionOrderer("Yhdessa.Tests.Support.LongestFirst", "Yhdessa.Tests")]

namespace Yhdessa.Tests.Support;

/// <summary>
/// Marks a test class (or a collection definition) whose tests take many seconds one after another, with about how
/// many on the two-core machine of ./test.sh. See <see cref="LongestFirst"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RunsLongAttribute(int seconds) : Attribute
{
    public int Seconds { get; } = seconds;
}

/// <summary>
/// Starts the longest collections first. xUnit runs a few collections at a time, in the order given here, and the tests
/// of a collection one after another: left to the default order, the walk of every page in three languages started
/// at the 200th second and ran on alone for the last 16 s of the suite. Longest first keeps both cores busy to the end.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderByDescending(Seconds); // stable: the others keep xUnit's order

    private static int Seconds(ITestCollection collection)
    {
        // A collection of its own is named after its class ("Test collection for Yhdessa.Tests.…").
        var type = collection.CollectionDefinition?.ToRuntimeType()
            ?? typeof(LongestFirst).Assembly.GetType(collection.DisplayName.Split(' ')[^1]);
        return type?.GetCustomAttributes(typeof(RunsLongAttribute), inherit: true) is [RunsLongAttribute runsLong, ..]
            ? runsLong.Seconds
            : 0;
    }
}
