using ContactHub.Core.Domain;
using ContactHub.Core.Services;
using ContactHub.Core.Store;
using ContactHub.Core.Stream;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.WebChat;

/// <summary>The form a new visitor gets when nobody can chat: their message becomes an e-mail conversation.</summary>
public sealed partial class LeftMessages(
    InboundPipeline pipeline,
    TypedAddresses typedAddresses,
    VisitorRateLimits limits,
    IOptions<WebChatOptions> options,
    TimeProvider time,
    ILogger<LeftMessages> logger)
{
    public const string Source = "webchat-leave-message";

    /// <summary>
    /// The leave-a-message form: stored as an e-mail from the typed address, so the agent's answer goes out by e-mail.
    /// The address is recorded as typed in; it never links the visitor's chat to the contact that owns the address.
    /// </summary>
    public async Task<VisitorOutcome<SendAck>> LeaveMessageAsync(LeaveMessageRequest request, string remoteAddress, CancellationToken cancellationToken)
    {
        if (!VisitorInput.KeyMatches(request.ChannelKey, options.Value))
        {
            return VisitorOutcome<SendAck>.Refused(StatusCodes.Status403Forbidden, "This chat is not set up for this site (unknown channel key).");
        }
        var name = request.Name?.Trim() ?? "";
        var email = request.Email?.Trim();
        var message = request.Message?.Trim() ?? "";
        if ((VisitorInput.NameProblem(name, options.Value) ?? VisitorInput.EmailProblem(email, required: true) ?? (message.Length == 0 ? "Please write your message." : VisitorInput.TextProblem(message, options.Value)) ?? VisitorInput.IdProblem(request.MessageId)) is { } problem)
        {
            return VisitorOutcome<SendAck>.Refused(StatusCodes.Status400BadRequest, problem);
        }
        if (limits.RetryAfter(VisitorLimit.Session, remoteAddress) is { } wait)
        {
            return VisitorOutcome<SendAck>.Refused(StatusCodes.Status429TooManyRequests, VisitorRateLimits.Refusal(VisitorLimit.Session, wait));
        }
        var address = email!.ToLowerInvariant();
        var externalId = "webchat-leave:" + request.MessageId;
        var interaction = new InboundInteraction(ChannelKind.Email, address, externalId, message, [], time.GetUtcNow(), name) { ThreadKey = externalId };
        var result = await pipeline.AcceptAsync(interaction, cancellationToken);
        if (!result.IsDuplicate)
        {
            await typedAddresses.RecordAsync(result.ContactId, ChannelKind.Email, address, Source, cancellationToken);
            LogMessageLeft(result.ConversationId);
        }
        return VisitorOutcome<SendAck>.Ok(new SendAck(result.InteractionId, request.MessageId, time.GetUtcNow()));
    }

    [LoggerMessage(EventId = 7602, Level = LogLevel.Information, Message = "Web chat visitor left a message: e-mail conversation {ConversationId}")]
    private partial void LogMessageLeft(long conversationId);
}
