using System.Threading.Channels;

namespace ContactHub.StandIns.Twilio;

/// <summary>Hands accepted messages from the REST endpoint to the callback worker without making the sender wait.</summary>
public sealed class StatusCallbackQueue
{
    private readonly Channel<StatusCallbackJob> jobs = Channel.CreateUnbounded<StatusCallbackJob>(new UnboundedChannelOptions { SingleWriter = false });

    public void Enqueue(StatusCallbackJob job) => jobs.Writer.TryWrite(job);

    public IAsyncEnumerable<StatusCallbackJob> ReadAllAsync(CancellationToken cancellationToken) => jobs.Reader.ReadAllAsync(cancellationToken);
}
