using ContactHub.Channels;
using ContactHub.Core;
using ContactHub.Routing;
using ContactHub.Server.Api;
using ContactHub.Server.Hosting;
using ContactHub.Server.Security;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddHubCore(builder.Configuration);
builder.Services.AddRedisRouter(builder.Configuration);
builder.Services.AddChannels(builder.Configuration);
builder.Services.AddHubSecurity(builder.Configuration);
builder.Services.AddHubApi();
builder.AddAgentConsole();
builder.Services.AddHubHealthChecks();

var app = builder.Build();

await app.PrepareStoreAsync();

app.UseHubSecurity();
app.MapWebhooks();
app.MapHubApi();
app.MapContactMergeApi();
app.MapAgentSelfApi();
app.MapAdminApi();
app.MapEmailHtmlApi();
app.MapFileApi();
app.MapCallRecordingApi();
app.MapAccountEndpoints();
app.MapHubHealthChecks();
app.MapAgentConsole();

app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
