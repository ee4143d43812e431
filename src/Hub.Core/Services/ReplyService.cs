using ContactHub.Core.Domain;
using ContactHub.Core.Events;
using ContactHub.Core.Files;
using ContactHub.Core.Store;
using Microsoft.Extensions.Options;

namespace ContactHub.Core.Services;

public sealed record ReplyRequest(string Text, ChannelKind? Channel = null)
{
    /// <summary>Files the agent attached (e-mail only), checked against <see cref="ReplyFilePolicy"/>.</summary>
    public IReadOnlyList<FileContent> Files { get; init; } = [];
}

/// <summary>Queues an agent's reply in the outbox; the outbox worker sends it.</summary>
public sealed class ReplyService(ConversationRepository conversations, Outbox outbox, OutboxSignal signal, IHubEventBus events, IOptions<FileLimits> fileLimits)
{
    public const int MaxReplyLength = 1600;

    public async Task<Interaction?> ReplyAsync(long conversationId, ReplyRequest request, long? authorAgentId, CancellationToken cancellationToken)
    {
        var conversation = await conversations.GetAsync(conversationId, cancellationToken);
        if (conversation is null)
        {
            return null;
        }
        var channel = request.Channel ?? conversation.Channel;
        var files = FilesFor(channel, request.Files);
        var interaction = await outbox.QueueReplyAsync(conversationId, channel, request.Text, files, authorAgentId, cancellationToken);
        signal.Wake();
        await events.PublishAsync(new InteractionAppended(interaction.ContactId, conversationId, interaction.Id, conversation.AssigneeId));
        return interaction;
    }

    /// <summary>The files as sent: typed by their extension, each within the limits; a reply that breaks the policy is refused whole.</summary>
    /// <exception cref="ArgumentException">With a sentence for the agent saying which file and why.</exception>
    private IReadOnlyList<FileContent> FilesFor(ChannelKind channel, IReadOnlyList<FileContent> files)
    {
        if (files.Count == 0)
        {
            return [];
        }
        // REVIEW: only e-mail carries files the hub stores; SMS/MMS would need public media URLs.
        if (channel != ChannelKind.Email)
        {
            throw new ArgumentException("Files can only be attached to e-mail replies.", nameof(files));
        }
        var accepted = new List<FileContent>(files.Count);
        long total = 0;
        foreach (var file in files)
        {
            var name = FileNameText.Clean(file.FileName);
            if (ReplyFilePolicy.Problem(name, file.Size, accepted.Count, total, fileLimits.Value) is { } problem)
            {
                throw new ArgumentException(problem, nameof(files));
            }
            total += file.Size;
            accepted.Add(new FileContent(name, ReplyFilePolicy.ContentTypeFor(name)!, file.Content));
        }
        return accepted;
    }
}
