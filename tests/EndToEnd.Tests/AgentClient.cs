using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ContactHub.Server.Api;

namespace ContactHub.EndToEnd.Tests;

/// <summary>An agent signed in to one hub over plain HTTP (cookie session), answering offers through the agent API.</summary>
public sealed partial class AgentClient : IDisposable
{
    private readonly HttpClient _http;

    private AgentClient(HttpClient http, string userName)
    {
        _http = http;
        UserName = userName;
    }

    public string UserName { get; }

    public long Id { get; private set; }

    public static async Task<AgentClient> SignInAsync(string hubBaseUrl, string userName, string password)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        var http = new HttpClient(handler) { BaseAddress = new Uri(hubBaseUrl), Timeout = TimeSpan.FromSeconds(20) };
        var page = await http.GetStringAsync("/login");
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        var response = await http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/")
        {
            throw new InvalidOperationException($"{userName} could not sign in: {(int)response.StatusCode} {response.Headers.Location}");
        }
        var client = new AgentClient(http, userName);
        client.Id = (await client.MeAsync()).Id;
        return client;
    }

    public async Task<MeDto> MeAsync() =>
        (await _http.GetFromJsonAsync<MeDto>("/api/me", ApiJson.Options))!;

    public async Task SetPresenceAsync(string presence)
    {
        var response = await _http.PutAsJsonAsync($"/api/agents/{Id}/presence", new { presence });
        response.EnsureSuccessStatusCode();
    }

    public async Task<bool> AcceptAsync(long conversationId) =>
        (await _http.PostAsync($"/api/me/offers/{conversationId}/accept", null)).StatusCode == HttpStatusCode.NoContent;

    public async Task<bool> ResolveAsync(long conversationId) =>
        (await _http.PostAsync($"/api/conversations/{conversationId}/resolve", null)).StatusCode == HttpStatusCode.NoContent;

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
