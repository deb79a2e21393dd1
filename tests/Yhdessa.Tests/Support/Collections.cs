using Yhdessa.Tests.Materials;

namespace Yhdessa.Tests.Support;

// The test classes of a feature share one app and its database, per engine and kind of host: a host starts once per
// collection instead of once per class. Classes in a collection run one after another; collections run side by side.
// A class that moves the app's clock or adds demo content to the database has a host of its own (IClassFixture).

[CollectionDefinition("Account on PostgreSQL")]
public sealed class AccountOnPostgresqlCollection : ICollectionFixture<PostgresApp>;

[CollectionDefinition("Account on SQLite")]
public sealed class AccountOnSqliteCollection : ICollectionFixture<SqliteApp>;

[CollectionDefinition("Admin on PostgreSQL")]
public sealed class AdminOnPostgresqlCollection : ICollectionFixture<PostgresApp>;

[CollectionDefinition("Admin on SQLite")]
public sealed class AdminOnSqliteCollection : ICollectionFixture<SqliteApp>;

[CollectionDefinition("Bench on PostgreSQL")]
public sealed class BenchOnPostgresqlCollection : ICollectionFixture<PostgresApp>;

[CollectionDefinition("Bench on SQLite")]
public sealed class BenchOnSqliteCollection : ICollectionFixture<SqliteApp>;

[CollectionDefinition("Email on PostgreSQL")]
public sealed class EmailOnPostgresqlCollection : ICollectionFixture<PostgresApp>;

[CollectionDefinition("Email on SQLite")]
public sealed class EmailOnSqliteCollection : ICollectionFixture<SqliteApp>;

[CollectionDefinition("Events on PostgreSQL")]
public sealed class EventsOnPostgresqlCollection : ICollectionFixture<PostgresApp>;

[CollectionDefinition("Events on SQLite")]
public sealed class EventsOnSqliteCollection : ICollectionFixture<SqliteApp>;

[CollectionDefinition("Events with a small file limit on PostgreSQL")]
public sealed class EventsWithASmallFileLimitOnPostgresqlCollection : ICollectionFixture<MaterialAppOnPostgres>;

[CollectionDefinition("Events with a small file limit on SQLite")]
public sealed class EventsWithASmallFileLimitOnSqliteCollection : ICollectionFixture<MaterialAppOnSqlite>;

[CollectionDefinition("Home on PostgreSQL")]
public sealed class HomeOnPostgresqlCollection : ICollectionFixture<PostgresApp>;

[CollectionDefinition("Home on SQLite")]
public sealed class HomeOnSqliteCollection : ICollectionFixture<SqliteApp>;

[CollectionDefinition("Materials on PostgreSQL")]
public sealed class MaterialsOnPostgresqlCollection : ICollectionFixture<PostgresApp>;

[CollectionDefinition("Materials on SQLite")]
public sealed class MaterialsOnSqliteCollection : ICollectionFixture<SqliteApp>;

[CollectionDefinition("Materials with a small file limit on PostgreSQL")]
public sealed class MaterialsWithASmallFileLimitOnPostgresqlCollection : ICollectionFixture<MaterialAppOnPostgres>;

[CollectionDefinition("Materials with a small file limit on SQLite")]
public sealed class MaterialsWithASmallFileLimitOnSqliteCollection : ICollectionFixture<MaterialAppOnSqlite>;

[CollectionDefinition("Materials with demo content on PostgreSQL")]
public sealed class MaterialsWithDemoContentOnPostgresqlCollection : ICollectionFixture<DemoPostgresApp>;

[CollectionDefinition("Materials with demo content on SQLite")]
public sealed class MaterialsWithDemoContentOnSqliteCollection : ICollectionFixture<DemoSqliteApp>;

[RunsLong(30)]
[CollectionDefinition("Monitoring on PostgreSQL")]
public sealed class MonitoringOnPostgresqlCollection : ICollectionFixture<PostgresApp>;

[RunsLong(25)]
[CollectionDefinition("Monitoring on SQLite")]
public sealed class MonitoringOnSqliteCollection : ICollectionFixture<SqliteApp>;

[CollectionDefinition("Needs on PostgreSQL")]
public sealed class NeedsOnPostgresqlCollection : ICollectionFixture<PostgresApp>;

[CollectionDefinition("Needs on SQLite")]
public sealed class NeedsOnSqliteCollection : ICollectionFixture<SqliteApp>;

[CollectionDefinition("Network on PostgreSQL")]
public sealed class NetworkOnPostgresqlCollection : ICollectionFixture<PostgresApp>;

[CollectionDefinition("Network on SQLite")]
public sealed class NetworkOnSqliteCollection : ICollectionFixture<SqliteApp>;

[CollectionDefinition("Platform on PostgreSQL")]
public sealed class PlatformOnPostgresqlCollection : ICollectionFixture<PostgresApp>;

[CollectionDefinition("Platform on SQLite")]
public sealed class PlatformOnSqliteCollection : ICollectionFixture<SqliteApp>;

[CollectionDefinition("Platform with demo content on PostgreSQL")]
public sealed class PlatformWithDemoContentOnPostgresqlCollection : ICollectionFixture<DemoPostgresApp>;

[CollectionDefinition("Platform with demo content on SQLite")]
public sealed class PlatformWithDemoContentOnSqliteCollection : ICollectionFixture<DemoSqliteApp>;

[CollectionDefinition("Surveys on PostgreSQL")]
public sealed class SurveysOnPostgresqlCollection : ICollectionFixture<PostgresApp>;

[CollectionDefinition("Surveys on SQLite")]
public sealed class SurveysOnSqliteCollection : ICollectionFixture<SqliteApp>;

[CollectionDefinition("Events with demo content on SQLite")]
public sealed class EventsWithDemoContentOnSqliteCollection : ICollectionFixture<DemoSqliteApp>;

[CollectionDefinition("Events with demo content on PostgreSQL")]
public sealed class EventsWithDemoContentOnPostgresqlCollection : ICollectionFixture<DemoPostgresApp>;

[CollectionDefinition("Monitoring with demo content on SQLite")]
public sealed class MonitoringWithDemoContentOnSqliteCollection : ICollectionFixture<DemoSqliteApp>;

[CollectionDefinition("Monitoring with demo content on PostgreSQL")]
public sealed class MonitoringWithDemoContentOnPostgresqlCollection : ICollectionFixture<DemoPostgresApp>;

[CollectionDefinition("Communication on PostgreSQL")]
public sealed class CommunicationOnPostgresqlCollection : ICollectionFixture<PostgresApp>;

[CollectionDefinition("Communication on SQLite")]
public sealed class CommunicationOnSqliteCollection : ICollectionFixture<SqliteApp>;

[CollectionDefinition("Workspaces on PostgreSQL")]
public sealed class WorkspacesOnPostgresqlCollection : ICollectionFixture<PostgresApp>;

[CollectionDefinition("Workspaces on SQLite")]
public sealed class WorkspacesOnSqliteCollection : ICollectionFixture<SqliteApp>;
