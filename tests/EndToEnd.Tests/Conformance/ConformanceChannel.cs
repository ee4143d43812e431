using ContactHub.StandIns;
using Microsoft.AspNetCore.Builder;

namespace ContactHub.EndToEnd.Tests.Conformance;

/// <summary>How a delivery is signed: as the provider signs it, with the wrong secret, or not at all.</summary>
public enum Signing
{
    Valid,
    Forged,
    Missing,
}

/// <summary>
/// One channel adapter as the conformance suite sees it: its provider's stand-in, the hub settings that point the adapter
/// at it, and deliveries shaped exactly as the provider sends them. A channel joins the suite by implementing this once
/// and declaring <c>sealed class XConformance(XChannel channel) : ChannelConformance&lt;XChannel&gt;(channel)</c>.
/// </summary>
public abstract class ConformanceChannel : IAsyncLifetime
{
    public const string ApiToken = "conformance-agent-token-0123456789";

    private WebApplication? standIn;

    public HubProcess Hub { get; private set; } = null!;

    /// <summary>The provider stand-in the adapter sends through, with its send rate limited so retries are exercised.</summary>
    protected string StandInBaseUrl => standIn!.BaseUrl();

    protected WebApplication StandIn => standIn!;

    /// <summary>The stand-in's settings: at most one send per second (or the provider's closest equivalent).</summary>
    protected abstract StandInSettings StandInSettings();

    /// <summary>Points the adapter at <see cref="StandInBaseUrl"/> with the secrets the deliveries are signed with.</summary>
    protected abstract void AddHubSettings(Dictionary<string, string> settings);

    /// <summary>A fresh customer address on this channel, never used before in this hub.</summary>
    public abstract string NewCustomer();

    /// <summary>What an agent types into the contact search to find <paramref name="customer"/>.</summary>
    public virtual string SearchTermFor(string customer) => customer;

    /// <summary>One customer text message as the provider delivers it to the hub's webhook.</summary>
    public abstract HttpRequestMessage Delivery(string customer, string messageId, string text, Signing signing = Signing.Valid);

    /// <summary>A correctly signed delivery whose payload the adapter cannot read (wrong shape, missing ids...).</summary>
    public abstract HttpRequestMessage MalformedDelivery();

    /// <summary>The texts the provider stand-in accepted for delivery to <paramref name="customer"/>, in the order it accepted them.</summary>
    public abstract Task<IReadOnlyList<string>> SentTextsAsync(string customer);

    public async Task InitializeAsync()
    {
        standIn = await StandInHost.StartAsync(StandInSettings(), CancellationToken.None);
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Redis"] = Environment.GetEnvironmentVariable("CONTACTHUB_TEST_REDIS") ?? throw new InvalidOperationException("CONTACTHUB_TEST_REDIS is not set: run through scripts/test.sh."),
            ["Routing:KeyPrefix"] = "conformance-" + Guid.NewGuid().ToString("N")[..10],
            ["Api:Tokens:0:Name"] = "conformance",
            ["Api:Tokens:0:Token"] = ApiToken,
            ["Api:Tokens:0:Role"] = "agent",
        };
        AddHubSettings(settings);
        Hub = await HubProcess.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        if (Hub is not null)
        {
            await Hub.DisposeAsync();
        }
        if (standIn is not null)
        {
            await standIn.DisposeAsync();
        }
    }
}
