using ContactHub.Core.Domain;
using ContactHub.Core.Events;
using ContactHub.Core.Outbound;
using ContactHub.Core.Store;
using Microsoft.Extensions.Logging;

namespace ContactHub.Core.Services;

/// <summary>
/// Where a channel hands a delivery report (an e-mail bounce): it is attached to the outbound message it concerns
/// and the consoles are told, instead of opening a conversation. A report about nothing of ours is the caller's to
/// store as an ordinary (automated) inbound message, so nothing is lost.
/// </summary>
public sealed partial class DeliveryReportIntake(DeliveryReports reports, IHubEventBus events, ILogger<DeliveryReportIntake> logger)
{
    /// <returns>True when the report concerned one of our outbound messages and is stored with it.</returns>
    public async Task<bool> AcceptAsync(DeliveryReport report, CancellationToken cancellationToken)
    {
        var recorded = await reports.RecordAsync(report, cancellationToken);
        if (recorded is null)
        {
            return false;
        }
        if (recorded.IsNew)
        {
            LogAttached(report.Channel.ToWire(), report.Action, report.StatusCode ?? "-", recorded.InteractionId);
            await events.PublishAsync(new InteractionStatusChanged(recorded.ContactId, recorded.ConversationId, recorded.InteractionId, recorded.Status));
        }
        return true;
    }

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "{Channel} delivery report ({Action} {StatusCode}) attached to outbound {InteractionId}")]
    private partial void LogAttached(string channel, string action, string statusCode, long interactionId);
}
