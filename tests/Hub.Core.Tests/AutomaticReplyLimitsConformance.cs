using ContactHub.Core.Domain;
using ContactHub.Core.Store;
using Microsoft.Extensions.Time.Testing;

namespace ContactHub.Core.Tests;

/// <summary>The per-address limit of automatic replies on every provider: one claim per window, whichever node asks.</summary>
public abstract class AutomaticReplyLimitsConformance(StoreProvider provider) : IAsyncLifetime
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(4);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 19, 0, 0, TimeSpan.Zero));
    private StoreHarness _store = null!;

    public async Task InitializeAsync() => _store = await StoreHarness.CreateAsync(provider);

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task TwoNodesRacingForOneAddressWinExactlyOneClaim()
    {
        var nodes = new[] { new AutomaticReplyLimits(_store.NewConnections(), _time), new AutomaticReplyLimits(_store.NewConnections(), _time) };

        var claims = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => nodes[i % 2].TryClaimAsync(ChannelKind.Email, "race@example.com", Window, CancellationToken.None)))).WaitAsync(Inbound.Timeout);

        Assert.Single(claims, claimed => claimed);
    }

    [Fact]
    public async Task AnAddressIsRefusedWithinTheWindowAndGrantedOnceItHasPassed()
    {
        var limits = new AutomaticReplyLimits(_store.Connections, _time);
        var afterRestart = new AutomaticReplyLimits(_store.NewConnections(), _time);

        var first = await limits.TryClaimAsync(ChannelKind.Sms, "+15555550123", Window, CancellationToken.None).WaitAsync(Inbound.Timeout);
        _time.Advance(Window - TimeSpan.FromSeconds(1));
        var withinWindow = await afterRestart.TryClaimAsync(ChannelKind.Sms, "+15555550123", Window, CancellationToken.None).WaitAsync(Inbound.Timeout);
        var otherAddress = await afterRestart.TryClaimAsync(ChannelKind.Sms, "+15555550124", Window, CancellationToken.None).WaitAsync(Inbound.Timeout);
        _time.Advance(TimeSpan.FromSeconds(1));
        var afterWindow = await afterRestart.TryClaimAsync(ChannelKind.Sms, "+15555550123", Window, CancellationToken.None).WaitAsync(Inbound.Timeout);

        Assert.Equal([true, false, true, true], [first, withinWindow, otherAddress, afterWindow]);
    }

    [Fact]
    public async Task SmsAndVoiceShareThePhoneNumbersAllowance()
    {
        var limits = new AutomaticReplyLimits(_store.Connections, _time);

        var bySms = await limits.TryClaimAsync(ChannelKind.Sms, "+15555550125", Window, CancellationToken.None).WaitAsync(Inbound.Timeout);
        var byVoice = await limits.TryClaimAsync(ChannelKind.Voice, "+15555550125", Window, CancellationToken.None).WaitAsync(Inbound.Timeout);

        Assert.Equal([true, false], [bySms, byVoice]);
    }
}

public sealed class SqliteAutomaticReplyLimitsTests() : AutomaticReplyLimitsConformance(StoreProvider.Sqlite);

public sealed class PostgresAutomaticReplyLimitsTests() : AutomaticReplyLimitsConformance(StoreProvider.Postgres);
