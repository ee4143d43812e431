using ContactHub.Core.Files;
using ContactHub.Core.Routing;
using ContactHub.Core.Store;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ContactHub.Core.Tests;

/// <summary>A freshly migrated store of one provider, plus as many independent writers as a test wants.</summary>
public sealed class StoreHarness : IAsyncDisposable
{
    private readonly List<BatchingConversationStream> _streams = [];
    private readonly List<StoreConnections> _connections = [];
    private readonly Func<Task> _cleanup;

    private StoreHarness(StoreOptions options, Func<Task> cleanup)
    {
        Options = options;
        _cleanup = cleanup;
        Connections = NewConnections();
    }

    public StoreOptions Options { get; }

    public StoreConnections Connections { get; }

    public TimeProvider Time { get; } = TimeProvider.System;

    public static async Task<StoreHarness> CreateAsync(StoreProvider provider)
    {
        StoreHarness harness;
        if (provider == StoreProvider.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), $"contacthub-test-{Guid.NewGuid():N}.db");
            harness = new StoreHarness(new StoreOptions { Provider = provider, ConnectionString = path }, () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var file in new[] { path, path + "-wal", path + "-shm" })
                {
                    File.Delete(file);
                }
                return Task.CompletedTask;
            });
        }
        else
        {
            var admin = new NpgsqlConnectionStringBuilder(TestServers.Postgres);
            var database = $"contacthub_test_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(admin.ConnectionString))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
                await create.ExecuteNonQueryAsync();
            }
            var testDb = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = database };
            harness = new StoreHarness(new StoreOptions { Provider = provider, ConnectionString = testDb.ConnectionString }, async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await using var connection = new NpgsqlConnection(admin.ConnectionString);
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            });
        }
        await new SchemaMigrator(harness.Connections, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return harness;
    }

    /// <summary>A separate writer with its own connections, as a second hub node would have.</summary>
    public async Task<BatchingConversationStream> StartStreamAsync(IQueueSelector? selector = null, FileLimits? fileLimits = null)
    {
        var stream = new BatchingConversationStream(
            NewConnections(), selector ?? new DefaultQueueSelector(), Time, NullLogger<BatchingConversationStream>.Instance, Microsoft.Extensions.Options.Options.Create(fileLimits ?? new FileLimits()));
        await stream.StartAsync(CancellationToken.None);
        _streams.Add(stream);
        return stream;
    }

    public StoreConnections NewConnections()
    {
        var connections = new StoreConnections(Microsoft.Extensions.Options.Options.Create(Options));
        _connections.Add(connections);
        return connections;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var stream in _streams)
        {
            await stream.StopAsync(CancellationToken.None);
            stream.Dispose();
        }
        foreach (var connections in _connections)
        {
            connections.Dispose();
        }
        await _cleanup();
    }
}
