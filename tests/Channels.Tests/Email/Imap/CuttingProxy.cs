using System.Net;
using System.Net.Sockets;

namespace ContactHub.Channels.Tests.Email.Imap;

/// <summary>
/// A TCP proxy in front of the test server that cuts its first connection after forwarding
/// <paramref name="cutAfterServerBytes"/> octets from the server, then passes later connections through untouched.
/// </summary>
public sealed class CuttingProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly string targetHost;
    private readonly int targetPort;
    private readonly long cutAfterServerBytes;
    private readonly CancellationTokenSource stop = new();
    private readonly Task acceptLoop;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<TcpClient, bool> open = new();
    private int connections;

    public CuttingProxy(string targetHost, int targetPort, long cutAfterServerBytes)
    {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.cutAfterServerBytes = cutAfterServerBytes;
        listener.Start();
        acceptLoop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public int Connections => Volatile.Read(ref connections);

    public bool Cut { get; private set; }

    /// <summary>Resets every open connection, as a crashed server or a NAT timeout would.</summary>
    public void DropAll()
    {
        foreach (var client in open.Keys)
        {
            client.Client.Close(0);
        }
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var downstream = await listener.AcceptTcpClientAsync(stop.Token);
                var number = Interlocked.Increment(ref connections);
                _ = ServeAsync(downstream, number == 1 ? cutAfterServerBytes : long.MaxValue);
            }
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
        }
    }

    private async Task ServeAsync(TcpClient downstream, long limit)
    {
        using var client = downstream;
        using var upstream = new TcpClient();
        open[client] = true;
        try
        {
            await upstream.ConnectAsync(targetHost, targetPort, stop.Token);
            var toServer = PumpAsync(client.GetStream(), upstream.GetStream(), long.MaxValue);
            var toClient = PumpAsync(upstream.GetStream(), client.GetStream(), limit);
            await Task.WhenAny(toServer, toClient);
            if (toClient.IsCompleted && limit != long.MaxValue)
            {
                Cut = true;
            }
        }
        catch (Exception)
        {
            // A broken pipe on either side ends this connection; that is the point of the proxy.
        }

        open.TryRemove(client, out _);
        client.Client.Close(0);
        upstream.Client.Close(0);
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, long limit)
    {
        var buffer = new byte[8192];
        long forwarded = 0;
        while (forwarded < limit)
        {
            var read = await from.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit - forwarded)), stop.Token);
            if (read == 0)
            {
                return;
            }

            await to.WriteAsync(buffer.AsMemory(0, read), stop.Token);
            forwarded += read;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await acceptLoop;
        stop.Dispose();
    }
}
