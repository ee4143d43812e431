using ContactHub.Core.Store;
using ContactHub.Core.Users;

namespace ContactHub.Server.Hosting;

/// <summary>One seeded console user, from configuration (Seed:Users:N:*); passwords never live in code.</summary>
public sealed class SeedUser
{
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = Roles.Agent;
    public string Password { get; set; } = "";
}

public static class StoreStartup
{
    /// <summary>Brings the schema up to date and seeds configured users before the host accepts traffic.</summary>
    public static async Task PrepareStoreAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
        var users = app.Services.GetRequiredService<UserStore>();
        foreach (var seed in app.Configuration.GetSection("Seed:Users").Get<List<SeedUser>>() ?? [])
        {
            if (string.IsNullOrWhiteSpace(seed.UserName) || seed.Password.Length < 8)
            {
                throw new InvalidOperationException($"Seed user '{seed.UserName}' needs a user name and a password of at least 8 characters.");
            }
            await users.UpsertAsync(seed.UserName, string.IsNullOrWhiteSpace(seed.DisplayName) ? seed.UserName : seed.DisplayName, seed.Role, seed.Password, CancellationToken.None);
        }
    }
}
