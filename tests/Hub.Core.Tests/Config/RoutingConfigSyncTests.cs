using ContactHub.Core.Config;
using ContactHub.Core.Store;

namespace ContactHub.Core.Tests.Config;

/// <summary>The router's copy of the configuration follows the store and the clock.</summary>
public sealed class RoutingConfigSyncTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = Inbound.Timeout;

    // Monday 2026-03-30 08:59:50 in Berlin (CEST, UTC+2): ten seconds before billing opens.
    private static readonly DateTimeOffset BeforeOpening = new(2026, 3, 30, 6, 59, 50, TimeSpan.Zero);

    private ConfigHarness _config = null!;

    public async Task InitializeAsync()
    {
        _config = await ConfigHarness.CreateAsync(StoreProvider.Sqlite, BeforeOpening);
        await _config.Queues.UpsertAsync(Queues.Billing, CancellationToken.None).WaitAsync(Timeout);
        var agent = await _config.Users.UpsertAsync("bo", "Bo", "agent", "password1", CancellationToken.None).WaitAsync(Timeout);
        await _config.Profiles.SaveAsync(new Routing.AgentRoutingProfile(agent.Id) { Team = "billing-team" }, CancellationToken.None).WaitAsync(Timeout);
    }

    public async Task DisposeAsync() => await _config.DisposeAsync();

    [Fact]
    public async Task StartingPushesEveryQueueWithItsOpenStateAndEveryAgentProfile()
    {
        await _config.Sync.StartAsync(CancellationToken.None).WaitAsync(Timeout);

        var queues = _config.Router.AppliedQueues.ToDictionary(q => q.Name);
        Assert.True(queues["general"].IsOpen);
        Assert.False(queues["billing"].IsOpen);
        Assert.Equal("billing-team", Assert.Single(_config.Router.AppliedAgents).Team);
        Assert.Equal("billing", _config.State.Current.Queues["billing"].Definition.Name);
    }

    [Fact]
    public async Task AQueueOpensAtItsBoundaryExactly()
    {
        await _config.Sync.StartAsync(CancellationToken.None).WaitAsync(Timeout);

        _config.Time.Advance(TimeSpan.FromSeconds(9));
        await Task.Delay(200);
        Assert.Empty(_config.Router.OpenChanges);
        _config.Time.Advance(TimeSpan.FromSeconds(1));

        var change = await WaitForAsync(() => _config.Router.OpenChanges.TryPeek(out var c) ? c : default);
        Assert.Equal(("billing", true), change);
        Assert.Single(_config.Router.OpenChanges);
    }

    [Fact]
    public async Task AQueueClosesAtTheEndOfItsHours()
    {
        // 16:59:55 local on the same Monday.
        _config.Time.SetUtcNow(new DateTimeOffset(2026, 3, 30, 14, 59, 55, TimeSpan.Zero));
        await _config.Sync.StartAsync(CancellationToken.None).WaitAsync(Timeout);
        Assert.True(_config.Router.AppliedQueues.Single(q => q.Name == "billing").IsOpen);

        _config.Time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(("billing", false), await WaitForAsync(() => _config.Router.OpenChanges.TryPeek(out var c) ? c : default));
    }

    [Fact]
    public async Task AnAdminChangePushesOnlyTheChangedQueue()
    {
        await _config.Sync.StartAsync(CancellationToken.None).WaitAsync(Timeout);
        var pushedAtStart = _config.Router.AppliedQueues.Count;

        await _config.Admin.SaveQueueAsync(Queues.Billing with { OfferTimeoutSeconds = 45 }, CancellationToken.None).WaitAsync(Timeout);

        var pushed = _config.Router.AppliedQueues.Skip(pushedAtStart).ToList();
        Assert.Equal(45, Assert.Single(pushed).OfferTimeoutSeconds);
    }

    [Fact]
    public async Task AnAdminChangeToTheHoursReplansTheNextFlip()
    {
        await _config.Sync.StartAsync(CancellationToken.None).WaitAsync(Timeout);
        // Now the queue is open 08:00-09:00 local: it opens at once and closes (instead of opening) at 09:00.
        await _config.Admin.SaveQueueAsync(Queues.Billing with { Hours = new BusinessHoursSpec { Days = new Dictionary<string, string> { ["mon-fri"] = "08:00-09:00" } } }, CancellationToken.None).WaitAsync(Timeout);
        Assert.Equal([("billing", true)], _config.Router.OpenChanges);

        _config.Time.Advance(TimeSpan.FromSeconds(10));

        await WaitForAsync(() => _config.Router.OpenChanges.Count == 2 ? (int?)2 : null);
        Assert.Equal([("billing", true), ("billing", false)], _config.Router.OpenChanges);
    }

    private static async Task<T> WaitForAsync<T>(Func<T> probe)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (probe() is { } value && !EqualityComparer<T>.Default.Equals(value, default!))
            {
                return value;
            }
            await Task.Delay(20);
        }
        throw new TimeoutException("The expected push did not arrive.");
    }
}
