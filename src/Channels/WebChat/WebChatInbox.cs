using ContactHub.Core.Domain;
using ContactHub.Core.Events;
using ContactHub.Core.Files;
using ContactHub.Core.Services;
using ContactHub.Core.Store;
using ContactHub.Core.Stream;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.WebChat;

/// <summary>
/// Everything a visitor can do, whichever way they arrive (the SignalR hub or the HTTP API): start a chat, write, upload,
/// read their transcript back, say what they have seen (leaving a message is <see cref="LeftMessages"/>). Messages go through the one
/// <see cref="InboundPipeline"/>, so the visitor is answered only once their message is durable.
/// </summary>
public sealed partial class WebChatInbox(
    InboundPipeline pipeline,
    ChatTranscripts transcripts,
    TypedAddresses typedAddresses,
    Outbox outbox,
    IHubEventBus events,
    VisitorTokens tokens,
    VisitorRateLimits limits,
    WebChatQueue queue,
    IOptions<WebChatOptions> options,
    IOptions<FileLimits> fileLimits,
    TimeProvider time,
    ILogger<WebChatInbox> logger)
{
    public const string PreChatSource = "webchat-prechat";

    /// <summary>The provider id a reply is recorded under once handed over to the visitor.</summary>
    public static string ProviderIdFor(long interactionId) => "webchat-out-" + interactionId;

    public bool KeyMatches(string? channelKey) => VisitorInput.KeyMatches(channelKey, options.Value);

    public async Task<Availability> AvailabilityAsync()
    {
        var (open, reason) = await queue.AvailabilityAsync();
        var o = options.Value;
        return new Availability(open, o.CompanyName, reason, o.MaxMessageLength, VisitorUploads.MaxBytes(o, fileLimits.Value), VisitorUploads.Accept);
    }

    public async Task<VisitorOutcome<SessionResponse>> StartAsync(SessionRequest request, string remoteAddress, CancellationToken cancellationToken)
    {
        if (!KeyMatches(request.ChannelKey))
        {
            return VisitorOutcome<SessionResponse>.Refused(StatusCodes.Status403Forbidden, "This chat is not set up for this site (unknown channel key).");
        }
        var name = request.Name?.Trim() ?? "";
        var email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim();
        var message = request.Message?.Trim() ?? "";
        if ((VisitorInput.NameProblem(name, options.Value) ?? VisitorInput.EmailProblem(email, required: false) ?? (message.Length > 0 ? VisitorInput.TextProblem(message, options.Value) ?? VisitorInput.IdProblem(request.MessageId) : null)) is { } problem)
        {
            return VisitorOutcome<SessionResponse>.Refused(StatusCodes.Status400BadRequest, problem);
        }
        if (limits.RetryAfter(VisitorLimit.Session, remoteAddress) is { } wait)
        {
            return VisitorOutcome<SessionResponse>.Refused(StatusCodes.Status429TooManyRequests, VisitorRateLimits.Refusal(VisitorLimit.Session, wait));
        }
        var visitor = new Visitor(VisitorTokens.NewVisitorId(), name, email);
        if (message.Length > 0)
        {
            await AppendAsync(visitor, request.MessageId!, message, [], cancellationToken);
        }
        LogSessionStarted(visitor.Id);
        var (messages, status, _) = await SnapshotAsync(visitor, 0, cancellationToken);
        return VisitorOutcome<SessionResponse>.Ok(new SessionResponse(tokens.Issue(visitor), visitor.Id, visitor.Name, messages, status));
    }

    /// <returns>The stored message's acknowledgement and the conversation it joined.</returns>
    public async Task<(SendAck Ack, long? ConversationId, int Status)> PostAsync(Visitor visitor, string? messageId, string? text, CancellationToken cancellationToken)
    {
        var trimmed = text?.Trim() ?? "";
        if ((VisitorInput.IdProblem(messageId) ?? (trimmed.Length == 0 ? "Please type a message." : VisitorInput.TextProblem(trimmed, options.Value))) is { } problem)
        {
            return (new SendAck(null, messageId, null, problem), null, StatusCodes.Status400BadRequest);
        }
        if (limits.RetryAfter(VisitorLimit.Message, visitor.Id) is { } wait)
        {
            return (new SendAck(null, messageId, null, VisitorRateLimits.Refusal(VisitorLimit.Message, wait)), null, StatusCodes.Status429TooManyRequests);
        }
        var result = await AppendAsync(visitor, messageId!, trimmed, [], cancellationToken);
        return (new SendAck(result.InteractionId, messageId, time.GetUtcNow()), result.ConversationId, StatusCodes.Status200OK);
    }

    public async Task<(SendAck Ack, long? ConversationId, int Status)> UploadAsync(Visitor visitor, string? messageId, string? fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        if (VisitorInput.IdProblem(messageId) is { } idProblem)
        {
            return (new SendAck(null, messageId, null, idProblem), null, StatusCodes.Status400BadRequest);
        }
        var (file, problem) = VisitorUploads.Check(fileName, content, MaxUploadBytes);
        if (file is null)
        {
            var status = content.Length > MaxUploadBytes ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status415UnsupportedMediaType;
            return (new SendAck(null, messageId, null, problem), null, status);
        }
        if (limits.RetryAfter(VisitorLimit.Upload, visitor.Id) is { } wait)
        {
            return (new SendAck(null, messageId, null, VisitorRateLimits.Refusal(VisitorLimit.Upload, wait)), null, StatusCodes.Status429TooManyRequests);
        }
        var result = await AppendAsync(visitor, messageId!, null, [file], cancellationToken);
        return (new SendAck(result.InteractionId, messageId, time.GetUtcNow()), result.ConversationId, StatusCodes.Status200OK);
    }

    public long MaxUploadBytes => VisitorUploads.MaxBytes(options.Value, fileLimits.Value);

    /// <summary>The visitor's transcript after <paramref name="afterId"/>, where their conversation stands, and its id.</summary>
    public async Task<(IReadOnlyList<ChatMessage> Messages, ChatStatus Status, long? ConversationId)> SnapshotAsync(Visitor visitor, long afterId, CancellationToken cancellationToken)
    {
        var contactId = await transcripts.ContactOfAsync(ChannelKind.WebChat, visitor.Id, cancellationToken);
        if (contactId is not { } id)
        {
            return ([], new ChatStatus("none", null, null, null), null);
        }
        var interactions = await transcripts.TranscriptAsync(id, ChannelKind.WebChat, afterId, cancellationToken);
        var conversationId = await transcripts.OpenConversationAsync(id, ChannelKind.WebChat, cancellationToken);
        return ([.. interactions.Select(i => ToWire(visitor, i))], await queue.StatusAsync(conversationId), conversationId);
    }

    public async Task<ChatStatus> StatusAsync(Visitor visitor, CancellationToken cancellationToken)
    {
        var contactId = await transcripts.ContactOfAsync(ChannelKind.WebChat, visitor.Id, cancellationToken);
        var conversationId = contactId is { } id ? await transcripts.OpenConversationAsync(id, ChannelKind.WebChat, cancellationToken) : null;
        return await queue.StatusAsync(conversationId);
    }

    /// <summary>Moves the visitor's replies up to <paramref name="upToId"/> forward to delivered or read, and tells the consoles.</summary>
    public async Task MarkAsync(Visitor visitor, long upToId, string status, CancellationToken cancellationToken)
    {
        var contactId = await transcripts.ContactOfAsync(ChannelKind.WebChat, visitor.Id, cancellationToken);
        if (contactId is not { } id)
        {
            return;
        }
        foreach (var applied in await outbox.ApplyReceiptAsync(id, ChannelKind.WebChat, upToId, status, cancellationToken))
        {
            await events.PublishAsync(new InteractionStatusChanged(applied.ContactId, applied.ConversationId, applied.InteractionId, applied.Status));
        }
    }

    public Task TypingAsync(long conversationId) => events.PublishAsync(new CustomerTyping(conversationId));

    private async Task<AppendResult> AppendAsync(Visitor visitor, string messageId, string? text, IReadOnlyList<FileContent> files, CancellationToken cancellationToken)
    {
        // Namespaced by visitor: ids come from browsers, and one visitor's id must never collide with another's.
        // The typed e-mail is no proof: a contact that owns it becomes a merge suggestion for the agent, never a join.
        var interaction = new InboundInteraction(ChannelKind.WebChat, visitor.Id, ExternalIdFor(visitor, messageId), text, [], time.GetUtcNow(), visitor.Name)
        {
            Files = files,
            ClaimedEmail = visitor.Email?.ToLowerInvariant(),
        };
        var result = await pipeline.AcceptAsync(interaction, cancellationToken);
        if (!result.IsDuplicate && result.OpenedConversation && visitor.Email is { } email)
        {
            await typedAddresses.RecordAsync(result.ContactId, ChannelKind.Email, email.ToLowerInvariant(), PreChatSource, cancellationToken);
        }
        return result;
    }

    private static string ExternalIdFor(Visitor visitor, string messageId) => visitor.Id + ":" + messageId;

    private static ChatMessage ToWire(Visitor visitor, Interaction interaction)
    {
        var fromVisitor = interaction.Direction == InteractionDirection.In;
        var prefix = visitor.Id + ":";
        var clientId = fromVisitor && interaction.ExternalId is { } external && external.StartsWith(prefix, StringComparison.Ordinal) ? external[prefix.Length..] : null;
        return new ChatMessage(
            interaction.Id,
            fromVisitor ? "visitor" : "agent",
            interaction.Text,
            interaction.CreatedAt,
            clientId,
            fromVisitor ? null : interaction.Status,
            [.. interaction.Attachments.Select(a => new ChatFile(a.FileName ?? "file", a.ContentType ?? MediaTypes.OctetStream, a.Size))]);
    }

    [LoggerMessage(EventId = 7601, Level = LogLevel.Information, Message = "Web chat visitor {VisitorId} started a session")]
    private partial void LogSessionStarted(string visitorId);
}
