using ContactHub.StandIns.Twilio;
using ContactHub.StandIns.Twilio.Calls;
using Microsoft.Extensions.Options;

namespace ContactHub.StandIns.Simulator.Calls;

/// <summary>
/// Plays customers calling the support number through <see cref="CallNetwork"/>: each caller holds (hearing the wait
/// announcements), talks for a while once the hub puts them through to an agent, or hangs up when their patience runs
/// out, so the wallboard's ASA, AHT and abandonment move in the demo.
/// </summary>
public sealed partial class CallSimulator(
    IOptions<CallSimulatorOptions> callOptions,
    IOptions<SimulatorOptions> simulatorOptions,
    CallNetwork network,
    TimeProvider time,
    ILogger<CallSimulator> logger) : BackgroundService
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = callOptions.Value;
        if (!options.Enabled)
        {
            return;
        }
        var callers = new List<Task>();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.IntervalSeconds)), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                callers.RemoveAll(c => c.IsCompleted);
                callers.Add(PlayCallerAsync(stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
        await Task.WhenAll(callers);
    }

    private async Task PlayCallerAsync(CancellationToken cancellationToken)
    {
        var hub = simulatorOptions.Value.HubBaseUrl.TrimEnd('/');
        var statusUrl = hub + "/webhooks/twilio/voice/status";
        var customer = Customers.Pool[Random.Shared.Next(Customers.Pool.Count)];
        var patience = TimeSpan.FromSeconds(Random.Shared.Next(20, Math.Max(21, callOptions.Value.MaxPatienceSeconds)));
        try
        {
            var call = await network.PlaceCallAsync(hub + "/webhooks/twilio/voice", customer.PhoneNumber, cancellationToken);
            var started = time.GetUtcNow();
            var position = 1;
            while (call.LatestTwiml?.Contains("<Enqueue", StringComparison.Ordinal) == true)
            {
                var held = time.GetUtcNow() - started;
                if (held > patience)
                {
                    await network.HangUpWhileHoldingAsync(call, (int)held.TotalSeconds, statusUrl, cancellationToken);
                    LogGaveUp(call.CallSid, (int)held.TotalSeconds);
                    return;
                }
                await network.HoldAsync(call, position, (int)held.TotalSeconds, 30, cancellationToken);
                await Task.Delay(Step, time, cancellationToken);
            }
            if (call.LatestTwiml?.Contains("<Dial", StringComparison.Ordinal) == true)
            {
                await Task.Delay(Step, time, cancellationToken);
                await network.AnswerAgentLegAsync(call, cancellationToken);
                var talk = Random.Shared.Next(15, 75);
                await Task.Delay(TimeSpan.FromSeconds(talk), time, cancellationToken);
                await network.EndDialAsync(call, "completed", talk, statusUrl, cancellationToken);
                LogTalked(call.CallSid, talk);
                return;
            }
            if (call.LatestTwiml?.Contains("<Record", StringComparison.Ordinal) == true && Random.Shared.NextDouble() < 0.7)
            {
                var seconds = Random.Shared.Next(5, 40);
                await network.LeaveVoicemailAsync(call, seconds, statusUrl, cancellationToken);
                LogVoicemail(call.CallSid, seconds);
                return;
            }
            // Voicemail declined, or a closed line: this caller hangs up.
            await network.HangUpAsync(call, statusUrl, cancellationToken);
        }
        catch (Exception error) when (error is HttpRequestException or InvalidOperationException or System.Xml.XmlException)
        {
            LogCallFailed(error.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Host shutdown mid-call.
        }
    }

    [LoggerMessage(EventId = 9301, Level = LogLevel.Information, Message = "Simulated call {CallSid}: talked {Seconds}s with an agent")]
    private partial void LogTalked(string callSid, int seconds);

    [LoggerMessage(EventId = 9302, Level = LogLevel.Information, Message = "Simulated call {CallSid}: caller gave up after {Seconds}s on hold")]
    private partial void LogGaveUp(string callSid, int seconds);

    [LoggerMessage(EventId = 9304, Level = LogLevel.Information, Message = "Simulated call {CallSid}: left a {Seconds}s voicemail")]
    private partial void LogVoicemail(string callSid, int seconds);

    [LoggerMessage(EventId = 9303, Level = LogLevel.Warning, Message = "Simulated call failed: {Reason}")]
    private partial void LogCallFailed(string reason);
}
