using System.Reflection;
using Dapper;
using Microsoft.Extensions.Logging;

namespace ContactHub.Core.Store;

/// <summary>
/// Applies the versioned SQL scripts of the configured provider at start-up, each in its own transaction,
/// so a running installation upgrades in place (EF Core design-time tools cannot run here).
/// </summary>
public sealed partial class SchemaMigrator(StoreConnections connections, ILogger<SchemaMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)");
        foreach (var (version, sql) in LoadScripts(connections.Provider))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (connections.Provider == StoreProvider.Postgres)
            {
                // Two nodes starting together must not both apply a script.
                await connection.ExecuteAsync("SELECT pg_advisory_xact_lock(727274)", transaction: transaction);
            }
            var applied = await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM schema_migrations WHERE version = @version", new { version }, transaction);
            if (applied == 0)
            {
                await connection.ExecuteAsync(sql, transaction: transaction);
                await connection.ExecuteAsync(
                    "INSERT INTO schema_migrations (version, applied_at) VALUES (@version, @now)",
                    new { version, now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() },
                    transaction);
                LogApplied(version);
            }
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private static IEnumerable<(string Version, string Sql)> LoadScripts(StoreProvider provider)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = $"{typeof(SchemaMigrator).Namespace}.Migrations.{provider}.";
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return (name[prefix.Length..^".sql".Length], reader.ReadToEnd());
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Applied store migration {Version}")]
    private partial void LogApplied(string version);
}
