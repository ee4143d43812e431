using ContactHub.Channels.Twilio;
using ContactHub.StandIns.Twilio;
using Microsoft.Extensions.Options;

namespace ContactHub.StandIns.Simulator;

/// <summary>
/// Plays customers texting the support number: every few seconds a signed inbound SMS to the hub, exactly as Twilio
/// would post it, and now and then the same MessageSid again to exercise the hub's dedupe; a few customers text STOP,
/// HELP or START, so the demo shows opt-outs.
/// </summary>
public sealed partial class CustomerSimulator(
    IOptions<SimulatorOptions> simulatorOptions,
    IOptions<TwilioStandInOptions> twilioOptions,
    IConfiguration configuration,
    IHttpClientFactory httpClients,
    CarrierOptOuts carrierOptOuts,
    TimeProvider time,
    ILogger<CustomerSimulator> logger) : BackgroundService
{
    public const string HttpClientName = "customer-simulator";

    private const string WebhookPath = "/webhooks/twilio/sms";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var simulator = simulatorOptions.Value;
        if (!simulator.Enabled)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(0.1, simulator.IntervalSeconds)), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var form = NextMessage();
                await PostAsync(form, stoppingToken);
                if (Random.Shared.NextDouble() < simulator.DuplicateRate)
                {
                    // Twilio retries a webhook that timed out with the same MessageSid; the hub must store it once.
                    await PostAsync(form, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }

    private List<KeyValuePair<string, string>> NextMessage()
    {
        var account = twilioOptions.Value;
        var customer = Customers.Pool[Random.Shared.Next(Customers.Pool.Count)];
        var ourNumber = account.PhoneNumbers[0];
        var body = Customers.NextBody(carrierOptOuts.Blocks(customer.PhoneNumber, ourNumber));
        // The carrier network sees the keyword on its way to the hub, as Twilio does.
        carrierOptOuts.Observe(customer.PhoneNumber, ourNumber, body);
        return InboundSmsForm.Build(account.AccountSid, TwilioSids.New("SM"), customer, ourNumber, body);
    }

    private async Task PostAsync(List<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        var simulator = simulatorOptions.Value;
        var signedUrl = SigningBase(simulator).TrimEnd('/') + WebhookPath;
        using var request = new HttpRequestMessage(HttpMethod.Post, simulator.HubBaseUrl.TrimEnd('/') + WebhookPath)
        {
            Content = new FormUrlEncodedContent(form),
        };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Sign(twilioOptions.Value.AuthToken, signedUrl, form));
        request.Headers.Add("I-Twilio-Idempotency-Token", Guid.NewGuid().ToString());
        request.Headers.UserAgent.ParseAdd("TwilioProxy/1.1");
        var messageSid = form.First(f => f.Key == "MessageSid").Value;
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            LogPosted(messageSid, (int)response.StatusCode);
        }
        catch (HttpRequestException error)
        {
            LogHubUnreachable(messageSid, error.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogHubUnreachable(messageSid, "timed out");
        }
    }

    private string SigningBase(SimulatorOptions simulator) =>
        !string.IsNullOrWhiteSpace(simulator.HubPublicBaseUrl) ? simulator.HubPublicBaseUrl
        : configuration["Hub:PublicBaseUrl"] is { Length: > 0 } hubPublic ? hubPublic
        : simulator.HubBaseUrl;

    [LoggerMessage(EventId = 9201, Level = LogLevel.Information, Message = "Simulated customer SMS {MessageSid} answered {StatusCode}")]
    private partial void LogPosted(string messageSid, int statusCode);

    [LoggerMessage(EventId = 9202, Level = LogLevel.Warning, Message = "Simulated customer SMS {MessageSid} did not reach the hub: {Reason}")]
    private partial void LogHubUnreachable(string messageSid, string reason);
}
