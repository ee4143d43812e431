using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ContactHub.Server.Tests;

/// <summary>
/// Twilio's Recordings resource as far as playing audio goes: <c>GET /2010-04-01/Accounts/{sid}/Recordings/{sid}.mp3</c>
/// answers the MP3 only with the account's Basic auth (401 otherwise, like Twilio), and 404 for unknown recordings.
/// </summary>
public sealed class TwilioRecordingServer : IAsyncDisposable
{
    /// <summary>An MP3 frame header and a few bytes: enough to tell the proxy passed the body through untouched.</summary>
    public static readonly byte[] Audio = [0xFF, 0xFB, 0x90, 0x64, 0x00, 0x0F, 0xF0, 0x00, 0x01, 0x02, 0x03];

    private readonly ConcurrentDictionary<string, byte> _known = new();
    private WebApplication? _app;

    public ConcurrentQueue<string> Requests { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public void Add(string recordingSid) => _known[recordingSid] = 0;

    public static async Task<TwilioRecordingServer> StartAsync()
    {
        var server = new TwilioRecordingServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        server._app = builder.Build();
        server._app.MapGet("/2010-04-01/Accounts/{account}/Recordings/{file}", (string account, string file, HttpRequest request) =>
        {
            server.Requests.Enqueue(request.Path);
            var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{HubFactory.AccountSid}:{HubFactory.AuthToken}"));
            if (account != HubFactory.AccountSid || request.Headers.Authorization.ToString() != expected)
            {
                return Results.Json(new { code = 20003, message = "Authenticate", status = 401 }, statusCode: StatusCodes.Status401Unauthorized);
            }
            if (!file.EndsWith(".mp3", StringComparison.Ordinal) || !server._known.ContainsKey(file[..^4]))
            {
                return Results.Json(new { code = 20404, message = "The requested resource was not found", status = 404 }, statusCode: StatusCodes.Status404NotFound);
            }
            return Results.Bytes(Audio, "audio/mpeg");
        });
        await server._app.StartAsync().WaitAsync(TestServers.Timeout);
        server.BaseUrl = server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
        return server;
    }

    /// <summary>The same request the hub makes, minus the credentials.</summary>
    public HttpRequestMessage UnauthenticatedRequest(string recordingSid) =>
        new(HttpMethod.Get, $"{BaseUrl}/2010-04-01/Accounts/{HubFactory.AccountSid}/Recordings/{recordingSid}.mp3");

    public static AuthenticationHeaderValue WrongAuth() => new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{HubFactory.AccountSid}:wrong")));

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().WaitAsync(TestServers.Timeout);
            await _app.DisposeAsync();
        }
    }
}
