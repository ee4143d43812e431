using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace ContactHub.Channels.Email.Imap;

/// <summary>IDLE (RFC 2177): wait for the server to announce new mail.</summary>
public sealed partial class ImapClient
{
    /// <summary>
    /// IDLE until the server reports EXISTS or EXPUNGE or <paramref name="maxIdle"/> passes, then DONE.
    /// Servers drop idlers after 30 minutes (RFC 2177), so callers loop with <paramref name="maxIdle"/> under 29 minutes.
    /// </summary>
    public async Task<ImapIdleResult> IdleAsync(TimeSpan maxIdle, CancellationToken cancellationToken)
    {
        if (!HasCapability("IDLE"))
        {
            throw new NotSupportedException("The server does not offer IDLE.");
        }

        EnsureUsable();
        var tag = NextTag();
        using var session = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        session.CancelAfter(options.CommandTimeout);
        var changed = false;
        try
        {
            await WriteAsync(tag + " IDLE\r\n", session.Token);
            while (true)
            {
                var r = await reader.ReadResponseAsync(session.Token);
                if (r.Kind == ImapResponseKind.Continuation)
                {
                    break;
                }

                if (r.Kind == ImapResponseKind.Tagged && r.Tag == tag)
                {
                    ThrowIfFailed("IDLE", r);
                    return ImapIdleResult.MailboxChanged; // ended at once: look again
                }

                changed |= Observe(r);
            }

            session.CancelAfter(Timeout.InfiniteTimeSpan);
            Task<ImapResponse>? pending = null;
            var deadline = Task.Delay(maxIdle, session.Token);
            while (!changed)
            {
                pending = reader.ReadResponseAsync(session.Token);
                if (await Task.WhenAny(pending, deadline) != pending)
                {
                    break;
                }

                var r = await pending;
                pending = null;
                if (r.Kind == ImapResponseKind.Tagged && r.Tag == tag)
                {
                    ThrowIfFailed("IDLE", r);
                    return ImapIdleResult.MailboxChanged;
                }

                changed |= Observe(r);
            }

            session.CancelAfter(options.CommandTimeout);
            await WriteAsync("DONE\r\n", session.Token);
            while (true)
            {
                var r = pending is null ? await reader.ReadResponseAsync(session.Token) : await pending;
                pending = null;
                if (r.Kind == ImapResponseKind.Tagged && r.Tag == tag)
                {
                    ThrowIfFailed("IDLE", r);
                    return changed ? ImapIdleResult.MailboxChanged : ImapIdleResult.TimedOut;
                }

                changed |= Observe(r);
            }
        }
        catch (Exception e) when (e is not ImapCommandException)
        {
            throw Fail(e, "IDLE", cancellationToken);
        }
    }
}
