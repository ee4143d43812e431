using System.Net;

namespace ContactHub.Server.Tests.WebChat;

/// <summary>Per-visitor and per-address limits, and tokens that run out.</summary>
public sealed class WebChatLimitTests : IDisposable
{
    private readonly HubFactory _hub = new(extraSettings: VisitorApi.Settings(
        ("WebChat:MessagesPerMinute", "3"),
        ("WebChat:UploadsPerHour", "1"),
        ("WebChat:SessionsPerHour", "4"),
        ("WebChat:VisitorTokenLifetime", "00:00:02")));

    private VisitorApi Visitor() => new(_hub.CreateClient());

    [Fact]
    public async Task AVisitorSendingFasterThanTheLimitIsToldToWaitAndOtherVisitorsAreNotSlowed()
    {
        var visitor = Visitor();
        var fast = await visitor.StartTokenAsync("Fast Visitor", message: "");
        var calm = await visitor.StartTokenAsync("Calm Visitor", message: "");

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add((await visitor.PostAsync(fast, VisitorApi.NewMessageId(), $"message {i}")).Status);
        }
        var (refused, body) = await visitor.PostAsync(fast, VisitorApi.NewMessageId(), "one too many");
        var (other, _) = await visitor.PostAsync(calm, VisitorApi.NewMessageId(), "hello");

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused);
        Assert.Contains("too quickly", body.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, other);
        var (_, transcript) = await visitor.TranscriptAsync(fast);
        Assert.Equal(3, transcript.GetArrayLength());
    }

    [Fact]
    public async Task ASecondUploadInTheHourIsRefusedWithTheWait()
    {
        var visitor = Visitor();
        var token = await visitor.StartTokenAsync("Upload Limit Visitor", message: "");
        byte[] pdf = [.. "%PDF-1.4\n"u8.ToArray(), 1, 2, 3];

        var (first, _) = await visitor.UploadAsync(token, "invoice.pdf", pdf);
        var (second, body) = await visitor.UploadAsync(token, "invoice2.pdf", pdf);

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.TooManyRequests, second);
        Assert.Contains("most files allowed", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task NewSessionsFromOneAddressPastTheLimitAreRefused()
    {
        var visitor = Visitor();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await visitor.StartAsync($"Session Flood {i}", message: "")).Status);
        }

        Assert.Equal(4, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task AnExpiredTokenIsRefusedSoTheWidgetStartsAfresh()
    {
        var visitor = Visitor();
        var token = await visitor.StartTokenAsync("Expiring Visitor", message: "First visit");

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var (status, _) = await visitor.PostAsync(token, VisitorApi.NewMessageId(), "Back after a while");
        var (transcript, _) = await visitor.TranscriptAsync(token);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(HttpStatusCode.Unauthorized, transcript);
    }

    public void Dispose() => _hub.Dispose();
}
