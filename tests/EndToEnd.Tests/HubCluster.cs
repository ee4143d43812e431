namespace ContactHub.EndToEnd.Tests;

/// <summary>Settings shared by hub processes that form one cluster: one PostgreSQL database, one Redis key space, one Twilio account.</summary>
public sealed class HubCluster
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "cluster0auth0token0for0e2e0tests";
    public const string OurNumber = "+15555550100";
    public const string Password = "cluster-agent-password";

    public HubCluster(string postgres, string twilioBaseUrl, int agents, int offerTimeoutSeconds = 20)
    {
        Settings = new Dictionary<string, string>
        {
            ["Store:Provider"] = "Postgres",
            ["ConnectionStrings:Store"] = postgres,
            ["ConnectionStrings:Redis"] = Environment.GetEnvironmentVariable("CONTACTHUB_TEST_REDIS") ?? throw new InvalidOperationException("CONTACTHUB_TEST_REDIS is not set: run through scripts/test.sh."),
            ["Routing:KeyPrefix"] = KeyPrefix,
            ["Routing:OfferTimeoutSeconds"] = offerTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Twilio:AccountSid"] = AccountSid,
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:PhoneNumber"] = OurNumber,
            ["Twilio:ApiBaseUrl"] = twilioBaseUrl,
        };
        for (var i = 0; i < agents; i++)
        {
            Settings[$"Seed:Users:{i}:UserName"] = AgentName(i);
            Settings[$"Seed:Users:{i}:Role"] = "agent";
            Settings[$"Seed:Users:{i}:Password"] = Password;
        }
    }

    public string KeyPrefix { get; } = "cluster-" + Guid.NewGuid().ToString("N")[..10];

    public Dictionary<string, string> Settings { get; }

    public static string AgentName(int index) => $"agent{index + 1}";

    public Task<HubProcess> StartNodeAsync() => HubProcess.StartAsync(Settings);
}
