using ContactHub.Core.Store;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ContactHub.Channels.Tests.Support;

/// <summary>A freshly migrated store on a throwaway SQLite file or PostgreSQL database of the test server, dropped afterwards.</summary>
public sealed class StoreDatabase : IAsyncDisposable
{
    private readonly Func<Task> _drop;

    private StoreDatabase(StoreOptions options, Func<Task> drop)
    {
        Options = options;
        Connections = new StoreConnections(Microsoft.Extensions.Options.Options.Create(options));
        _drop = drop;
    }

    public StoreOptions Options { get; }

    public StoreConnections Connections { get; }

    public static async Task<StoreDatabase> CreateAsync(StoreProvider provider)
    {
        StoreDatabase database;
        if (provider == StoreProvider.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), $"channels-store-{Guid.NewGuid():N}.db");
            database = new StoreDatabase(new StoreOptions { Provider = provider, ConnectionString = path }, () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                {
                    File.Delete(path + suffix);
                }
                return Task.CompletedTask;
            });
        }
        else
        {
            var server = Environment.GetEnvironmentVariable("CONTACTHUB_TEST_POSTGRES") is { Length: > 0 } configured
                ? configured
                : throw new InvalidOperationException("CONTACTHUB_TEST_POSTGRES is not set: run the tests through scripts/test.sh, which starts the servers.");
            var name = $"channels_test_{Guid.NewGuid():N}";
            await ExecuteAsync(server, $"CREATE DATABASE {name}");
            var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
            database = new StoreDatabase(new StoreOptions { Provider = provider, ConnectionString = connectionString }, async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            });
        }
        await new SchemaMigrator(database.Connections, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None).WaitAsync(Timeouts.Await);
        return database;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync().WaitAsync(Timeouts.Await);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync().WaitAsync(Timeouts.Await);
    }

    public async ValueTask DisposeAsync()
    {
        Connections.Dispose();
        await _drop();
    }
}
