using ContactHub.Channels.Tests.Support;
using ContactHub.Channels.Twilio;
using ContactHub.Core.Outbound;
using ContactHub.StandIns;

namespace ContactHub.Channels.Tests.Twilio;

/// <summary>The sender against the in-process Twilio stand-in, which enforces the real API's contract.</summary>
public sealed class TwilioSmsSenderTests : IAsyncLifetime
{
    private Microsoft.AspNetCore.Builder.WebApplication? standIn;
    private CallbackCapture? hub;

    public async Task InitializeAsync()
    {
        standIn = await StandInHost.StartAsync(TestAccount.StandIn(), CancellationToken.None).WaitAsync(Timeouts.Await);
        hub = await CallbackCapture.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (hub is not null)
        {
            await hub.DisposeAsync();
        }
        if (standIn is not null)
        {
            await standIn.StopAsync().WaitAsync(Timeouts.Await);
            await standIn.DisposeAsync();
        }
    }

    [Fact]
    public async Task AStoredPictureGoesOutAsThePublicUrlTwilioCanFetch()
    {
        var (services, sender) = SenderFactory.Create(standIn!.BaseUrl(), hub!.BaseUrl, fileLinks: new HubFileLinks());
        await using var _ = services;
        var message = SenderFactory.Message(TestAccount.Customer) with { Attachments = [new ContactHub.Core.Domain.Attachment("/api/files/7", "image/png", "label.png")] };

        var result = await sender.SendAsync(message, CancellationToken.None).WaitAsync(Timeouts.Await);

        Assert.IsType<SendAccepted>(result);
    }

    [Fact]
    public async Task AHubRelativeMediaUrlIsRefusedByTwilioWith21620()
    {
        var (services, sender) = SenderFactory.Create(standIn!.BaseUrl(), hub!.BaseUrl);
        await using var _ = services;
        var message = SenderFactory.Message(TestAccount.Customer) with { Attachments = [new ContactHub.Core.Domain.Attachment("/api/files/7", "image/png", "label.png")] };

        var result = await sender.SendAsync(message, CancellationToken.None).WaitAsync(Timeouts.Await);

        Assert.Equal("21620", Assert.IsType<SendRejected>(result).ErrorCode);
    }

    /// <summary>The hub's mapping reduced to its shape: a stored file becomes an absolute https URL on the public address.</summary>
    private sealed class HubFileLinks : ContactHub.Core.Files.IPublicFileLinks
    {
        public string? PublicUrlFor(string attachmentUrl) => "https://hooks.example.com" + attachmentUrl + "/inline?t=signed";
    }

    [Fact]
    public async Task AnAcceptedSendReturnsTheTwilioMessageSid()
    {
        var (services, sender) = SenderFactory.Create(standIn!.BaseUrl(), hub!.BaseUrl);
        await using var _ = services;

        var result = await sender.SendAsync(SenderFactory.Message(TestAccount.Customer), CancellationToken.None).WaitAsync(Timeouts.Await);

        var accepted = Assert.IsType<SendAccepted>(result);
        Assert.Matches("^SM[0-9a-f]{32}$", accepted.ProviderId);
        Assert.Equal("queued", accepted.Status);
    }

    [Fact]
    public async Task AWrongAuthTokenIsRejectedWithTwilioError20003()
    {
        var (services, sender) = SenderFactory.Create(standIn!.BaseUrl(), hub!.BaseUrl, authToken: "00000000000000000000000000000000");
        await using var _ = services;

        var result = await sender.SendAsync(SenderFactory.Message(TestAccount.Customer), CancellationToken.None).WaitAsync(Timeouts.Await);

        var rejected = Assert.IsType<SendRejected>(result);
        Assert.Equal("20003", rejected.ErrorCode);
    }

    [Fact]
    public async Task AnInvalidRecipientIsRejectedWithTwilioError21211()
    {
        var (services, sender) = SenderFactory.Create(standIn!.BaseUrl(), hub!.BaseUrl);
        await using var _ = services;

        var result = await sender.SendAsync(SenderFactory.Message("+1555550"), CancellationToken.None).WaitAsync(Timeouts.Await);

        var rejected = Assert.IsType<SendRejected>(result);
        Assert.Equal("21211", rejected.ErrorCode);
        Assert.Equal("The 'To' number +1555550 is not a valid phone number.", rejected.Reason);
    }

    [Fact]
    public async Task ARateLimitedSendIsDeferredWithTheRetryAfterDelay()
    {
        await using var slowStandIn = await StandInHost.StartAsync(TestAccount.StandIn(messagesPerSecond: 1), CancellationToken.None).WaitAsync(Timeouts.Await);
        var (services, sender) = SenderFactory.Create(slowStandIn.BaseUrl(), hub!.BaseUrl);
        await using var _ = services;

        var first = await sender.SendAsync(SenderFactory.Message(TestAccount.Customer), CancellationToken.None).WaitAsync(Timeouts.Await);
        var second = await sender.SendAsync(SenderFactory.Message(TestAccount.Customer), CancellationToken.None).WaitAsync(Timeouts.Await);

        Assert.IsType<SendAccepted>(first);
        var deferred = Assert.IsType<SendDeferred>(second);
        Assert.Equal(TimeSpan.FromSeconds(1), deferred.RetryAfter);
        Assert.Contains("429", deferred.Reason);
        await slowStandIn.StopAsync().WaitAsync(Timeouts.Await);
    }

    [Fact]
    public async Task TheStandInPostsSignedSentThenDeliveredCallbacksToTheHubsStatusUrl()
    {
        var (services, sender) = SenderFactory.Create(standIn!.BaseUrl(), hub!.BaseUrl);
        await using var _ = services;

        var accepted = Assert.IsType<SendAccepted>(await sender.SendAsync(SenderFactory.Message(TestAccount.Customer), CancellationToken.None).WaitAsync(Timeouts.Await));
        var sent = await hub.NextAsync();
        var delivered = await hub.NextAsync();

        foreach (var callback in new[] { sent, delivered })
        {
            Assert.Equal(TwilioSmsSender.StatusCallbackPath, callback.PathAndQuery);
            Assert.Equal(accepted.ProviderId, callback.Field("MessageSid"));
            Assert.True(TwilioSignature.IsValid(TestAccount.AuthToken, hub.BaseUrl + callback.PathAndQuery, callback.Form, callback.Signature));
            Assert.False(TwilioSignature.IsValid("some-other-token", hub.BaseUrl + callback.PathAndQuery, callback.Form, callback.Signature));
        }
        Assert.Equal("sent", sent.Field("MessageStatus"));
        Assert.Equal("delivered", delivered.Field("MessageStatus"));
        Assert.Equal(TestAccount.OurNumber, delivered.Field("From"));
        Assert.Equal(TestAccount.Customer, delivered.Field("To"));
    }

    [Fact]
    public async Task AnUnreachableNumberEndsUndeliveredWithError30003()
    {
        var (services, sender) = SenderFactory.Create(standIn!.BaseUrl(), hub!.BaseUrl);
        await using var _ = services;

        Assert.IsType<SendAccepted>(await sender.SendAsync(SenderFactory.Message(TestAccount.UnreachableCustomer), CancellationToken.None).WaitAsync(Timeouts.Await));
        await hub!.NextAsync();
        var final = await hub.NextAsync();

        Assert.Equal("undelivered", final.Field("MessageStatus"));
        Assert.Equal("30003", final.Field("ErrorCode"));
    }

    [Fact]
    public async Task AnUnreachableApiIsDeferredNotRejected()
    {
        var (services, sender) = SenderFactory.Create("http://127.0.0.1:1", hub!.BaseUrl);
        await using var _ = services;

        var result = await sender.SendAsync(SenderFactory.Message(TestAccount.Customer), CancellationToken.None).WaitAsync(Timeouts.Await);

        Assert.IsType<SendDeferred>(result);
    }

    [Fact]
    public async Task ATimedOutSendIsUncertainAndNotRetriedSoTheCustomerIsNeverTextedTwice()
    {
        // Accepts the connection and never answers, as a Twilio edge that queued the message but lost the reply would look.
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
        var (services, sender) = SenderFactory.Create($"http://127.0.0.1:{port}", hub!.BaseUrl, requestTimeout: "00:00:01");
        await using var _ = services;

        var result = await sender.SendAsync(SenderFactory.Message(TestAccount.Customer), CancellationToken.None).WaitAsync(Timeouts.Await);

        Assert.IsType<SendUncertain>(result);
    }
}
