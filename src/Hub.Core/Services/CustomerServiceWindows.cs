using System.Globalization;
using ContactHub.Core.Domain;
using ContactHub.Core.Store;
using Dapper;

namespace ContactHub.Core.Services;

/// <summary>Whether free-form replies are allowed now, and since when the customer has been silent on the channel.</summary>
/// <param name="LastInboundAt">The customer's latest message on the channel; null when they never wrote on it.</param>
/// <param name="Reason">Why only templates may be sent, for the agent; null while the window is open.</param>
public sealed record ServiceWindowState(bool IsOpen, DateTimeOffset? LastInboundAt, string? Reason);

/// <summary>
/// The customer-service window: WhatsApp lets a business answer freely only within 24 hours of the customer's last
/// message; afterwards only approved templates go out. Known here, in the hub, so an agent learns it before writing,
/// not from a failed delivery (Meta's 131047) later.
/// </summary>
public sealed class CustomerServiceWindows(StoreConnections connections, TimeProvider time)
{
    public static readonly TimeSpan WhatsAppWindow = TimeSpan.FromHours(24);

    /// <summary>The window of a channel, or null for channels without one (SMS, e-mail...).</summary>
    public static TimeSpan? WindowOf(ChannelKind channel) => channel == ChannelKind.WhatsApp ? WhatsAppWindow : null;

    public async Task<ServiceWindowState> StateAsync(long contactId, ChannelKind channel, CancellationToken cancellationToken)
    {
        if (WindowOf(channel) is not { } window)
        {
            return new ServiceWindowState(true, null, null);
        }
        await using var connection = await connections.OpenAsync(cancellationToken);
        var lastMs = await connection.QuerySingleOrDefaultAsync<long?>(
            "SELECT MAX(created_at) FROM interactions WHERE contact_id = @contactId AND channel = @channel AND direction = 'in'",
            new { contactId, channel = channel.ToWire() });
        var last = lastMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;
        return Evaluate(channel, window, last, time.GetUtcNow());
    }

    public static ServiceWindowState Evaluate(ChannelKind channel, TimeSpan window, DateTimeOffset? lastInboundAt, DateTimeOffset now)
    {
        var name = ChannelName(channel);
        var limit = Hours(window);
        if (lastInboundAt is not { } last)
        {
            return new ServiceWindowState(false, null, $"The customer has not written on {name} yet; {name} allows only approved templates until they do.");
        }
        var silence = now - last;
        return silence <= window
            ? new ServiceWindowState(true, last, null)
            : new ServiceWindowState(false, last, $"The customer last wrote {Hours(silence)} ago; {name} allows only approved templates outside {limit}.");
    }

    private static string ChannelName(ChannelKind channel) => channel == ChannelKind.WhatsApp ? "WhatsApp" : channel.ToWire();

    /// <summary>"26 h", or "3 days" once it reads better in days.</summary>
    private static string Hours(TimeSpan span) => span.TotalHours < 72
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Floor(span.TotalHours)} h")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Floor(span.TotalDays)} days");
}
