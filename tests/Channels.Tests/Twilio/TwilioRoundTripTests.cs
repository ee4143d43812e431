using ContactHub.Channels.Tests.Support;
using ContactHub.Core.Events;
using ContactHub.Core.Outbound;
using ContactHub.StandIns;
using Microsoft.Extensions.DependencyInjection;

namespace ContactHub.Channels.Tests.Twilio;

/// <summary>Sender to stand-in to signed callbacks to the real status webhook: the whole outbound loop of the Twilio channel.</summary>
public sealed class TwilioRoundTripTests
{
    [Fact]
    public async Task AReplySentThroughTheStandInEndsDeliveredInTheOutbox()
    {
        await using var standIn = await StandInHost.StartAsync(TestAccount.StandIn(callbackDelayMilliseconds: 300), CancellationToken.None).WaitAsync(Timeouts.Await);
        await using var hub = await WebhookHost.StartAsync(publicBaseUrl: null, apiBaseUrl: standIn.BaseUrl());
        var sender = hub.Services.GetServices<IChannelSender>().Single(s => s.Channel == ContactHub.Core.Domain.ChannelKind.Sms);
        var accepted = Assert.IsType<SendAccepted>(await sender.SendAsync(SenderFactory.Message(TestAccount.Customer), CancellationToken.None).WaitAsync(Timeouts.Await));
        // The outbox records the sid before the first callback can arrive: the stand-in waits 300 ms before "sent".
        var interactionId = await hub.SeedAcceptedOutboundAsync(accepted.ProviderId).WaitAsync(Timeouts.Await);

        var delivered = await Eventually(() => hub.Events.Published.OfType<InteractionStatusChanged>().FirstOrDefault(e => e.Status == "delivered"));

        Assert.Equal(interactionId, delivered.InteractionId);
        await standIn.StopAsync().WaitAsync(Timeouts.Await);
    }

    private static async Task<T> Eventually<T>(Func<T?> probe)
        where T : class
    {
        var deadline = DateTime.UtcNow + Timeouts.Await;
        while (DateTime.UtcNow < deadline)
        {
            if (probe() is { } found)
            {
                return found;
            }
            await Task.Delay(20);
        }
        throw new TimeoutException("The expected status never arrived.");
    }
}
