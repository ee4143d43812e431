using System.Threading.Channels;
using ContactHub.Channels.WhatsApp;
using ContactHub.StandIns;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace ContactHub.Channels.Tests.Support;

/// <summary>A tiny Kestrel endpoint standing where the hub's WhatsApp webhook would, keeping each post's raw bytes and signature.</summary>
public sealed class WhatsAppWebhookCapture : IAsyncDisposable
{
    private readonly Channel<(byte[] Body, string Signature)> received = Channel.CreateUnbounded<(byte[], string)>();
    private WebApplication? app;

    public string Url => app!.BaseUrl() + WhatsAppWebhook.Path;

    public static async Task<WhatsAppWebhookCapture> StartAsync()
    {
        var capture = new WhatsAppWebhookCapture();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        capture.app = builder.Build();
        capture.app.MapPost(WhatsAppWebhook.Path, async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            capture.received.Writer.TryWrite((body.ToArray(), request.Headers[WhatsAppSignature.HeaderName].ToString()));
            return Results.Ok();
        });
        await capture.app.StartAsync().WaitAsync(Timeouts.Await);
        return capture;
    }

    public async Task<(byte[] Body, string Signature)> NextAsync() => await received.Reader.ReadAsync().AsTask().WaitAsync(Timeouts.Await);

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync().WaitAsync(Timeouts.Await);
            await app.DisposeAsync();
        }
    }
}
