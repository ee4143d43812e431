using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ContactHub.Server.Tests;

/// <summary>
/// The whole hub in-process on a fresh SQLite file and an isolated key prefix on the real test Redis.
/// Providers would call <see cref="PublicBaseUrl"/>; tests sign their requests for it.
/// </summary>
public sealed class HubFactory : WebApplicationFactory<Program>
{
    public const string PublicBaseUrl = "https://hub.example.test";
    public const string AccountSid = "AC4b219540d7d71f9e16256482c97d59b0";
    public const string AuthToken = "6e3f0d9b2c7a41e58f1b0c2d3e4f5a6b";
    public const string AgentToken = "agent-token-0123456789abcdef";
    public const string SupervisorToken = "supervisor-token-0123456789abcdef";
    public const string AdminToken = "admin-token-0123456789abcdef";
    public const string AgentPassword = "agent-password-1";
    public const string AdminPassword = "admin-password-1";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"contacthub-server-test-{Guid.NewGuid():N}");

    private readonly IReadOnlyDictionary<string, string> _extraSettings;

    public HubFactory(string twilioApiBaseUrl = "http://127.0.0.1:9", IReadOnlyDictionary<string, string>? extraSettings = null)
    {
        _extraSettings = extraSettings ?? new Dictionary<string, string>();
        TwilioApiBaseUrl = twilioApiBaseUrl;
        Directory.CreateDirectory(_directory);
    }

    public string TwilioApiBaseUrl { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string>
        {
            ["Store:Provider"] = "Sqlite",
            ["ConnectionStrings:Store"] = Path.Combine(_directory, "hub.db"),
            ["ConnectionStrings:Redis"] = TestServers.Redis,
            ["Routing:KeyPrefix"] = "test-" + Guid.NewGuid().ToString("N")[..12],
            ["DataProtection:KeysPath"] = Path.Combine(_directory, "keys"),
            ["Hub:PublicBaseUrl"] = PublicBaseUrl,
            ["Twilio:AccountSid"] = AccountSid,
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:PhoneNumber"] = "+15555550100",
            ["Twilio:ApiBaseUrl"] = TwilioApiBaseUrl,
            ["Api:Tokens:0:Name"] = "integration-agent",
            ["Api:Tokens:0:Token"] = AgentToken,
            ["Api:Tokens:0:Role"] = "agent",
            ["Api:Tokens:1:Name"] = "wallboard",
            ["Api:Tokens:1:Token"] = SupervisorToken,
            ["Api:Tokens:1:Role"] = "supervisor",
            ["Api:Tokens:2:Name"] = "provisioning",
            ["Api:Tokens:2:Token"] = AdminToken,
            ["Api:Tokens:2:Role"] = "admin",
            ["Seed:Users:0:UserName"] = "alice",
            ["Seed:Users:0:DisplayName"] = "Alice Agent",
            ["Seed:Users:0:Role"] = "agent",
            ["Seed:Users:0:Password"] = AgentPassword,
            ["Seed:Users:1:UserName"] = "root",
            ["Seed:Users:1:DisplayName"] = "Rita Admin",
            ["Seed:Users:1:Role"] = "admin",
            ["Seed:Users:1:Password"] = AdminPassword,
        };
        foreach (var (key, value) in _extraSettings)
        {
            settings[key] = value;
        }
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.UseEnvironment("Production");
    }

    public HttpClient CreateApiClient(string token = AgentToken)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client holding a console session cookie, as the login form issues it.</summary>
    public async Task<HttpClient> SignedInClientAsync(string userName, string password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await client.GetStringAsync("/login").WaitAsync(TestServers.Timeout);
        var token = System.Text.RegularExpressions.Regex.Match(page, "__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = token,
        });
        var login = await client.PostAsync("/account/login", form).WaitAsync(TestServers.Timeout);
        if (login.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {userName} answered {login.StatusCode}.");
        }
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing handle only wastes temp space; the test result stands.
        }
    }
}
