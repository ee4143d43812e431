using ContactHub.Core.Domain;
using ContactHub.Core.Store;
using Dapper;
using Microsoft.AspNetCore.Identity;

namespace ContactHub.Core.Users;

/// <summary>Console users with ASP.NET Core's PasswordHasher (PBKDF2); passwords never leave this class in clear.</summary>
public sealed class UserStore(StoreConnections connections, TimeProvider time)
{
    private readonly PasswordHasher<UserAccount> _hasher = new();

    public async Task<UserAccount?> FindAsync(string userName, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<UserAccount>(
            "SELECT id, user_name AS username, display_name AS displayname, role, password_hash AS passwordhash FROM users WHERE user_name = @userName",
            new { userName = userName.Trim().ToLowerInvariant() });
    }

    public async Task<UserAccount?> VerifyAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var user = await FindAsync(userName, cancellationToken);
        if (user is null)
        {
            // Hash anyway so an unknown user name costs the same time as a wrong password.
            _hasher.VerifyHashedPassword(new UserAccount(0, "", "", "", ""), DummyHash.Value, password);
            return null;
        }
        return _hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed ? null : user;
    }

    /// <summary>Creates the user, or resets the password and role of an existing one (seeding is repeatable).</summary>
    public async Task<UserAccount> UpsertAsync(string userName, string displayName, string role, string password, CancellationToken cancellationToken)
    {
        if (!Roles.All.Contains(role))
        {
            throw new ArgumentException($"Unknown role '{role}'.", nameof(role));
        }
        var name = userName.Trim().ToLowerInvariant();
        var hash = _hasher.HashPassword(new UserAccount(0, name, displayName, role, ""), password);
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync<UserAccount>(
            """
            INSERT INTO users (user_name, display_name, role, password_hash, created_at) VALUES (@name, @displayName, @role, @hash, @now)
            ON CONFLICT (user_name) DO UPDATE SET display_name = excluded.display_name, role = excluded.role, password_hash = excluded.password_hash
            RETURNING id, user_name AS username, display_name AS displayname, role, password_hash AS passwordhash
            """,
            new { name, displayName, role, hash, now = time.GetUtcNow().ToUnixTimeMilliseconds() });
    }

    public async Task<IReadOnlyList<Agent>> AgentsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var users = await connection.QueryAsync<UserAccount>("SELECT id, user_name AS username, display_name AS displayname, role, password_hash AS passwordhash FROM users ORDER BY id");
        return users.Select(u => new Agent(u.Id, u.UserName, u.DisplayName, u.Role)).ToList();
    }

    public async Task<Agent?> AgentAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var user = await connection.QuerySingleOrDefaultAsync<UserAccount>("SELECT id, user_name AS username, display_name AS displayname, role, password_hash AS passwordhash FROM users WHERE id = @id", new { id });
        return user is null ? null : new Agent(user.Id, user.UserName, user.DisplayName, user.Role);
    }

    private static class DummyHash
    {
        public static readonly string Value = new PasswordHasher<UserAccount>().HashPassword(new UserAccount(0, "", "", "", ""), "not-a-password");
    }
}
