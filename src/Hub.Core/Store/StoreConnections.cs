using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ContactHub.Core.Store;

/// <summary>Opens connections for the configured provider; the only place that knows which engine is behind the store.</summary>
public sealed class StoreConnections : IDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly string _sqliteConnectionString = "";

    static StoreConnections() => Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;

    public StoreConnections(IOptions<StoreOptions> options)
    {
        Provider = options.Value.Provider;
        if (Provider == StoreProvider.Postgres)
        {
            _postgres = NpgsqlDataSource.Create(options.Value.ConnectionString);
        }
        else
        {
            var builder = new SqliteConnectionStringBuilder(NormalizeSqlite(options.Value.ConnectionString))
            {
                Pooling = true,
                DefaultTimeout = 30,
            };
            _sqliteConnectionString = builder.ToString();
        }
    }

    public StoreProvider Provider { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }
        var connection = new SqliteConnection(_sqliteConnectionString);
        await connection.OpenAsync(cancellationToken);
        using var pragma = connection.CreateCommand();
        // WAL lets readers run beside the single writer; synchronous=FULL keeps every commit on disk before we answer 2xx.
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    public void Dispose() => _postgres?.Dispose();

    /// <summary>Accepts a bare file path as well as a full SQLite connection string.</summary>
    private static string NormalizeSqlite(string value) =>
        value.Contains('=', StringComparison.Ordinal) ? value : $"Data Source={value}";
}
