using System.Security.Cryptography;
using Dapper;

namespace ContactHub.Core.Store;

/// <summary>
/// Random keys the hub creates for itself and keeps in the store, so every node of a cluster uses the same one
/// and a restart keeps it, without an operator having to configure it.
/// </summary>
public sealed class HubSecrets(StoreConnections connections, TimeProvider time)
{
    /// <summary>The key named <paramref name="name"/>; created with <paramref name="length"/> random bytes on first use.</summary>
    public async Task<byte[]> GetOrCreateAsync(string name, int length, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        // Two nodes asking at once both insert; the first wins and both read the winner's key.
        await connection.ExecuteAsync(
            "INSERT INTO hub_secrets (name, value, created_at) VALUES (@name, @value, @now) ON CONFLICT (name) DO NOTHING",
            new { name, value = RandomNumberGenerator.GetBytes(length), now = time.GetUtcNow().ToUnixTimeMilliseconds() });
        return await connection.QuerySingleAsync<byte[]>("SELECT value FROM hub_secrets WHERE name = @name", new { name });
    }
}
