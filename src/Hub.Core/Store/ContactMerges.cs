using ContactHub.Core.Events;
using Dapper;

namespace ContactHub.Core.Store;

/// <summary>Why two contacts may be one person, in the words an agent reads.</summary>
public sealed record MergeSuggestion(long Id, long ContactId, long CandidateId, string CandidateName, string Reason, DateTimeOffset SuggestedAt)
{
    public string ReasonText => Reason switch
    {
        MergeStatements.SameName => "Same name",
        MergeStatements.SameTypedEmail => "Typed the same e-mail address in the web chat form",
        _ => Reason,
    };
}

public enum MergeOutcome
{
    Merged,
    ContactMissing,
    AlreadyMerged,
}

/// <summary>
/// The agent's side of one-customer-one-timeline: suggestions for weak matches, and merging two contacts on an agent's
/// word. Strong matches (a provider-verified phone) merge during the append and never reach here.
/// </summary>
public sealed class ContactMerges(StoreConnections connections, IHubEventBus events, TimeProvider time)
{
    public async Task<IReadOnlyList<MergeSuggestion>> OpenSuggestionsAsync(long contactId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Id, long Candidate, string Name, string Reason, long CreatedAt)>(
            """
            SELECT s.id, c.id, c.display_name, s.reason, s.created_at FROM contact_merge_suggestions s
            JOIN contacts c ON c.id = CASE WHEN s.contact_id = @contactId THEN s.candidate_id ELSE s.contact_id END
            WHERE s.state = 'open' AND (s.contact_id = @contactId OR s.candidate_id = @contactId) AND c.merged_into IS NULL
            ORDER BY s.id
            """,
            new { contactId });
        return rows.Select(r => new MergeSuggestion(r.Id, contactId, r.Candidate, r.Name, r.Reason, Clock.FromUnixMs(r.CreatedAt))).ToList();
    }

    /// <summary>Merges <paramref name="otherId"/> and <paramref name="contactId"/>; the older contact survives.</summary>
    public async Task<(MergeOutcome Outcome, long SurvivorId)> MergeAsync(long contactId, long otherId, string decidedBy, CancellationToken cancellationToken)
    {
        if (contactId == otherId)
        {
            return (MergeOutcome.AlreadyMerged, contactId);
        }
        var (survivor, merged) = (Math.Min(contactId, otherId), Math.Max(contactId, otherId));
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var live = await connection.QueryAsync<(long Id, long? MergedInto)>(
            "SELECT id, merged_into FROM contacts WHERE id IN (@survivor, @merged)", new { survivor, merged }, transaction);
        var found = live.ToDictionary(c => c.Id, c => c.MergedInto);
        if (found.Count < 2)
        {
            return (MergeOutcome.ContactMissing, survivor);
        }
        if (!await MergeStatements.MergeAsync(connection, transaction, survivor, merged, decidedBy, Clock.ToUnixMs(time.GetUtcNow())))
        {
            return (MergeOutcome.AlreadyMerged, found[survivor] ?? found[merged] ?? survivor);
        }
        await transaction.CommitAsync(cancellationToken);
        await events.PublishAsync(new ContactsMerged(survivor, merged));
        return (MergeOutcome.Merged, survivor);
    }

    /// <summary>The agent says these are different people: the pair is never suggested again.</summary>
    public async Task<bool> DismissAsync(long suggestionId, string decidedBy, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "UPDATE contact_merge_suggestions SET state = 'dismissed', decided_by = @decidedBy, decided_at = @now WHERE id = @suggestionId AND state = 'open'",
            new { suggestionId, decidedBy, now = Clock.ToUnixMs(time.GetUtcNow()) }) == 1;
    }
}
