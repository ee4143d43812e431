using System.Globalization;
using ContactHub.Channels.Email.Mime;
using ContactHub.Channels.Email.Smtp;
using ContactHub.Channels.Email.Threading;
using ContactHub.Core.Domain;
using ContactHub.Core.Outbound;
using ContactHub.Core.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.Email;

/// <summary>
/// Sends an agent's reply as an e-mail that threads in the customer's mail client: it answers the customer's newest
/// message in the conversation (In-Reply-To/References from its kept source) and its Message-ID becomes the
/// interaction's external id, so the customer's next reply joins the same conversation. The subject (and, when
/// configured, the Reply-To) also carries the conversation token, for answers that lose those headers.
/// </summary>
public sealed class EmailSender(
    IOptions<EmailSendOptions> options,
    ReplyAddresses addresses,
    InteractionSources sources,
    InteractionFiles files,
    TimeProvider time,
    ILogger<SmtpClient> smtpLogger) : IChannelSender
{
    private readonly MimeReader _reader = new();

    // Read once: the trusted certificate does not change while the hub runs, and every reply would reload it.
    private readonly Lazy<System.Net.Security.RemoteCertificateValidationCallback?> _certificateValidation =
        new(() => TrustedCertificate.Only(options.Value.TrustedCertificateFile));

    public ChannelKind Channel => ChannelKind.Email;

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var addressing = await addresses.ForAsync(message.ConversationId, cancellationToken);
        var source = await sources.LatestInboundAsync(message.ConversationId, cancellationToken);
        var draft = source is null
            ? new ReplyDraft { From = addressing.From, To = [new MimeMailbox("", message.ToAddress)], Subject = "Your message", TextBody = message.Text ?? "" }
            : ReplyDraft.Answering(_reader.Read(source), addressing.From, message.Text ?? "");
        draft = draft with { Subject = TokenSubject.Reply(draft.Subject, addressing.Token), ReplyTo = addressing.ReplyTo };
        draft = draft with
        {
            HtmlBody = ReplyHtml.FromText(draft.TextBody),
            Attachments = await AttachmentsAsync(message.InteractionId, cancellationToken),
        };
        ComposedMessage composed;
        try
        {
            composed = new ReplyComposer(time).Compose(draft);
        }
        catch (ArgumentException invalid)
        {
            return new SendRejected("invalid-message", invalid.Message);
        }
        var client = new SmtpClient(
            new SmtpClientOptions
            {
                Host = settings.Host,
                Port = settings.Port,
                Security = settings.Security,
                UserName = settings.UserName,
                Password = settings.Password,
                CertificateValidation = _certificateValidation.Value,
            },
            smtpLogger);
        // The envelope sender stays the hub's own mailbox even when a queue's address is the From: bounces then
        // return to the mailbox the hub reads, whichever queue answered.
        var result = await client.SendAsync(new SmtpMessage(settings.From, draft.To.Select(t => t.Address).ToList(), composed.Content), cancellationToken);
        return result.Outcome switch
        {
            SmtpOutcome.Accepted when result.RejectedRecipients.Count == 0 => new SendAccepted(composed.MessageId, "sent"),
            SmtpOutcome.Accepted => new SendRejected(Code(result.RejectedRecipients[0].EnhancedStatus, result.RejectedRecipients[0].Code), result.RejectedRecipients[0].Text),
            SmtpOutcome.TransientFailure => new SendDeferred($"SMTP {result.Code}: {result.Text}", null),
            SmtpOutcome.PermanentFailure => new SendRejected(Code(result.EnhancedStatus, result.Code), result.Text),
            _ => new SendRejected("smtp-configuration", result.Text),
        };
    }

    /// <summary>The files the agent attached, stored with the reply in the same transaction as its outbox entry.</summary>
    private async Task<IReadOnlyList<ReplyAttachment>> AttachmentsAsync(long interactionId, CancellationToken cancellationToken) =>
        (await files.AttachmentsAsync(interactionId, cancellationToken))
            .Select(f => new ReplyAttachment(f.Info.FileName, f.Info.ContentType, f.Content))
            .ToList();

    private static string Code(string? enhanced, int code) => enhanced ?? code.ToString(CultureInfo.InvariantCulture);
}
