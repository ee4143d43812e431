using ContactHub.Agents.Blazor.Shared;

namespace ContactHub.Agents.Blazor.Tests;

public class RefreshGateTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task ABurstDuringOneReloadCausesExactlyOneMore()
    {
        var gate = new RefreshGate();
        var release = new TaskCompletionSource();
        var runs = 0;
        async Task Reload()
        {
            runs++;
            if (runs == 1)
            {
                await release.Task;
            }
        }

        var first = gate.RequestAsync(Reload);
        for (var i = 0; i < 10; i++)
        {
            await gate.RequestAsync(Reload).WaitAsync(Timeout);
        }
        release.SetResult();
        await first.WaitAsync(Timeout);

        Assert.Equal(2, runs);
    }

    [Fact]
    public async Task AFailedReloadDoesNotJamTheGate()
    {
        var gate = new RefreshGate();

        await Assert.ThrowsAsync<InvalidOperationException>(() => gate.RequestAsync(() => throw new InvalidOperationException()));
        var ran = false;
        await gate.RequestAsync(() =>
        {
            ran = true;
            return Task.CompletedTask;
        }).WaitAsync(Timeout);

        Assert.True(ran);
    }
}
