using ContactHub.Core.Domain;
using ContactHub.Core.Outbound;
using Dapper;

namespace ContactHub.Core.Store;

/// <param name="IsNew">False when this very report was recorded before (a re-fetched bounce): nothing changed.</param>
public sealed record RecordedDeliveryReport(long InteractionId, long ConversationId, long ContactId, string Status, bool IsNew);

/// <summary>
/// Attaches delivery reports to the outbound message they concern: the report, the message's status and the
/// conversation's event all commit in one transaction, so a re-fetched report neither repeats nor half-applies.
/// </summary>
public sealed class DeliveryReports(StoreConnections connections, TimeProvider time)
{
    /// <returns>Null when the report concerns none of our outbound messages.</returns>
    public async Task<RecordedDeliveryReport?> RecordAsync(DeliveryReport report, CancellationToken cancellationToken)
    {
        var candidates = report.ConcernsExternalIds.Where(id => id.Length > 0).Distinct().Take(20).ToArray();
        if (candidates.Length == 0)
        {
            return null;
        }
        var now = Clock.ToUnixMs(time.GetUtcNow());
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Explicit parameters: Dapper hands Npgsql a list as one array parameter, which "IN" cannot take.
        var parameters = new DynamicParameters(new { channel = report.Channel.ToWire() });
        for (var i = 0; i < candidates.Length; i++)
        {
            parameters.Add($"c{i}", candidates[i]);
        }
        var sent = await connection.QuerySingleOrDefaultAsync<(long Id, long ConversationId, long ContactId, string ExternalId, string Status)?>(
            $"""
            SELECT id, conversation_id, contact_id, external_id, status FROM interactions
            WHERE channel = @channel AND direction = 'out' AND external_id IN ({string.Join(", ", candidates.Select((_, i) => $"@c{i}"))})
            ORDER BY id DESC LIMIT 1
            """,
            parameters,
            transaction);
        if (sent is not { } message)
        {
            return null;
        }
        var reportRow = await connection.QuerySingleOrDefaultAsync<long?>(
            """
            INSERT INTO delivery_reports (interaction_id, channel, external_id, action, recipient, status_code, reason, content, received_at)
            VALUES (@interactionId, @channel, @reportId, @action, @recipient, @statusCode, @reason, @content, @now)
            ON CONFLICT DO NOTHING
            RETURNING id
            """,
            new
            {
                interactionId = message.Id,
                channel = report.Channel.ToWire(),
                reportId = report.ReportId,
                action = report.Action,
                recipient = report.Recipient,
                statusCode = report.StatusCode,
                reason = report.Reason,
                content = report.RawSource,
                now,
            },
            transaction);
        if (reportRow is null)
        {
            await transaction.CommitAsync(cancellationToken);
            return new RecordedDeliveryReport(message.Id, message.ConversationId, message.ContactId, message.Status, IsNew: false);
        }
        var status = message.Status;
        if (report.Action == DeliveryReportActions.Failed)
        {
            var applied = await Outbox.ApplyStatusAsync(
                connection, transaction, report.Channel, message.ExternalId, DeliveryStatus.Failed, report.StatusCode, report.Reason, now);
            status = applied?.Status ?? status;
        }
        var eventKind = report.Action switch
        {
            DeliveryReportActions.Failed => ConversationEventKinds.DeliveryFailed,
            DeliveryReportActions.Delayed => ConversationEventKinds.DeliveryDelayed,
            _ => null,
        };
        if (eventKind is not null)
        {
            await ConversationEventLog.InsertAsync(
                connection, transaction, message.ConversationId, eventKind, agentId: null,
                new { interactionId = message.Id, recipient = report.Recipient, code = report.StatusCode, reason = report.Reason },
                now);
        }
        await transaction.CommitAsync(cancellationToken);
        return new RecordedDeliveryReport(message.Id, message.ConversationId, message.ContactId, status, IsNew: true);
    }

    /// <summary>The kept bytes of the reports about one outbound message, oldest first.</summary>
    public async Task<IReadOnlyList<byte[]>> SourcesAsync(long interactionId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<byte[]>(
            "SELECT content FROM delivery_reports WHERE interaction_id = @interactionId ORDER BY id", new { interactionId })).ToList();
    }
}
