using System.Threading.Channels;
using ContactHub.Channels.Twilio;
using ContactHub.StandIns;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace ContactHub.Channels.Tests.Support;

/// <summary>A tiny Kestrel endpoint standing where the hub's status webhook would, recording what Twilio posts.</summary>
public sealed class CallbackCapture : IAsyncDisposable
{
    private readonly Channel<CapturedCallback> received = Channel.CreateUnbounded<CapturedCallback>();
    private WebApplication? app;

    public string BaseUrl => app!.BaseUrl();

    public static async Task<CallbackCapture> StartAsync()
    {
        var capture = new CallbackCapture();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        capture.app = builder.Build();
        capture.app.MapPost(TwilioSmsSender.StatusCallbackPath, async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var pairs = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? ""))).ToList();
            capture.received.Writer.TryWrite(new CapturedCallback(request.Path + request.QueryString, pairs, request.Headers[TwilioSignature.HeaderName].ToString()));
            return Results.NoContent();
        });
        await capture.app.StartAsync().WaitAsync(Timeouts.Await);
        return capture;
    }

    public async Task<CapturedCallback> NextAsync() => await received.Reader.ReadAsync().AsTask().WaitAsync(Timeouts.Await);

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync().WaitAsync(Timeouts.Await);
            await app.DisposeAsync();
        }
    }
}

public sealed record CapturedCallback(string PathAndQuery, IReadOnlyList<KeyValuePair<string, string>> Form, string Signature)
{
    public string Field(string name) => Form.First(f => f.Key == name).Value;
}
