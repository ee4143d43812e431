using System.Text;

namespace ContactHub.Channels.Tests.Email.Imap;

/// <summary>
/// A fake server connection: reads return the scripted server bytes at most <c>chunk</c> octets at a time
/// (1 splits every literal across reads), writes are recorded. When the script runs out it either ends the
/// stream (EOF, like a dropped connection) or waits for cancellation (like a silent server).
/// </summary>
public sealed class ScriptedStream(byte[] server, int chunk = 1, bool hangAtEnd = false) : Stream
{
    private readonly MemoryStream written = new();
    private int position;

    public ScriptedStream(string server, int chunk = 1, bool hangAtEnd = false)
        : this(Encoding.UTF8.GetBytes(server), chunk, hangAtEnd)
    {
    }

    public string Written => Encoding.UTF8.GetString(written.ToArray());

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (position >= server.Length)
        {
            if (hangAtEnd)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return 0;
        }

        var n = Math.Min(Math.Min(chunk, buffer.Length), server.Length - position);
        server.AsMemory(position, n).CopyTo(buffer);
        position += n;
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, default).GetAwaiter().GetResult();

    public override void Write(byte[] buffer, int offset, int count) => written.Write(buffer, offset, count);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        written.Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
