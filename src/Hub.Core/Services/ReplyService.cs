using System.Globalization;
using ContactHub.Core.Domain;
using ContactHub.Core.Events;
using ContactHub.Core.Files;
using ContactHub.Core.Outbound;
using ContactHub.Core.Store;
using Microsoft.Extensions.Options;

namespace ContactHub.Core.Services;

public sealed record ReplyRequest(string Text, ChannelKind? Channel = null)
{
    /// <summary>Files the agent attached (e-mail, SMS pictures, Telegram), checked against <see cref="ReplyFilePolicy"/>.</summary>
    public IReadOnlyList<FileContent> Files { get; init; } = [];

    /// <summary>An approved template to send instead of <see cref="Text"/> (WhatsApp outside its 24-hour window).</summary>
    public TemplateMessage? Template { get; init; }
}

/// <summary>Queues an agent's reply in the outbox; the outbox worker sends it.</summary>
public sealed class ReplyService(
    ConversationRepository conversations,
    Outbox outbox,
    OutboxSignal signal,
    OptOuts optOuts,
    IHubEventBus events,
    IOptions<FileLimits> fileLimits,
    CustomerServiceWindows windows,
    IMessageTemplates templates)
{
    public const string OptedOutCode = "opted-out";

    /// <summary>Longer than the channel takes in one message (<see cref="ReplyLimits"/>): a bad request, not a conflict.</summary>
    public const string TooLongCode = "too-long";

    public const string FilesRefusedCode = "files-refused";

    /// <summary>A free-form reply outside the channel's customer-service window (WhatsApp's 24 hours).</summary>
    public const string OutsideWindowCode = "outside-window";

    /// <summary>The template is not one of the channel's approved templates, or its parameters do not fit.</summary>
    public const string TemplateRefusedCode = "template-refused";

    /// <summary>The longest value an agent may put into one template parameter.</summary>
    public const int MaxTemplateParameterLength = 1024;

    public async Task<ReplyOutcome> ReplyAsync(long conversationId, ReplyRequest request, long? authorAgentId, CancellationToken cancellationToken)
    {
        var conversation = await conversations.GetAsync(conversationId, cancellationToken);
        if (conversation is null)
        {
            return new ReplyConversationMissing();
        }
        var channel = request.Channel ?? conversation.Channel;
        // Refused here, before the outbox, so the agent learns why at once instead of from a failed delivery later
        // (carriers fine senders who ignore STOP; Twilio itself refuses with 21610).
        if (await optOuts.FindForContactAsync(conversation.ContactId, channel, cancellationToken) is { } optOut)
        {
            return new ReplyRefused(OptedOutCode, OptedOutReason(optOut));
        }
        if (request.Template is null && request.Text.Length > ReplyLimits.MaxLength(channel))
        {
            return new ReplyRefused(TooLongCode, $"A {ChannelName(channel)} reply can be at most {ReplyLimits.MaxLength(channel)} characters; this one has {request.Text.Length}.");
        }
        if (FileProblem(channel, request.Files) is { } problem)
        {
            return new ReplyRefused(FilesRefusedCode, problem);
        }
        var text = request.Text;
        if (request.Template is { } template)
        {
            var rendered = RenderTemplate(channel, template, request.Files.Count);
            if (rendered.Problem is not null)
            {
                return new ReplyRefused(TemplateRefusedCode, rendered.Problem);
            }
            text = rendered.Text!;
        }
        else if (CustomerServiceWindows.WindowOf(channel) is not null
            && await windows.StateAsync(conversation.ContactId, channel, cancellationToken) is { IsOpen: false } closed)
        {
            // Refused here, as opt-outs are: Meta would refuse it anyway (131047), after the agent had moved on.
            return new ReplyRefused(OutsideWindowCode, closed.Reason!);
        }
        var files = Accepted(request.Files);
        var interaction = await outbox.QueueReplyAsync(conversationId, channel, text, files, authorAgentId, request.Template, cancellationToken);
        signal.Wake();
        await events.PublishAsync(new InteractionAppended(interaction.ContactId, conversationId, interaction.Id, conversation.AssigneeId));
        return new ReplyQueued(interaction);
    }

    /// <summary>The template's rendered body, or why it cannot be sent: unknown on the channel, or parameters that do not fit.</summary>
    private (string? Text, string? Problem) RenderTemplate(ChannelKind channel, TemplateMessage template, int fileCount)
    {
        var approved = templates.For(channel).FirstOrDefault(t => t.Name == template.Name && t.Language == template.Language);
        if (approved is null)
        {
            return (null, $"“{template.Name}” ({template.Language}) is not an approved {channel} template on this hub.");
        }
        if (fileCount > 0)
        {
            return (null, "A template message carries no files.");
        }
        if (template.Parameters.Count != approved.ParameterCount)
        {
            return (null, $"“{approved.Name}” needs {approved.ParameterCount} value(s); {template.Parameters.Count} given.");
        }
        if (template.Parameters.Any(p => string.IsNullOrWhiteSpace(p) || p.Length > MaxTemplateParameterLength || p.Contains('\n')))
        {
            return (null, $"Every template value must be filled in, on one line, with at most {MaxTemplateParameterLength} characters.");
        }
        return (approved.Render(template.Parameters), null);
    }

    private static string ChannelName(ChannelKind channel) => channel switch
    {
        ChannelKind.Sms or ChannelKind.Voice => "SMS",
        ChannelKind.Email => "e-mail",
        ChannelKind.WhatsApp => "WhatsApp",
        ChannelKind.Telegram => "Telegram",
        ChannelKind.WebChat => "web chat",
        _ => channel.ToWire(),
    };

    public static string OptedOutReason(OptOut optOut) => optOut.Keyword == OptOuts.BlockedTheBot
        ? string.Create(
            CultureInfo.InvariantCulture,
            $"The customer blocked the bot on Telegram (noticed {optOut.OptedOutAt:yyyy-MM-dd HH:mm} UTC, Telegram answered 403), so replies cannot reach them until they write to the bot again.")
        : string.Create(
            CultureInfo.InvariantCulture,
            $"The customer opted out of {optOut.Channel.ToString().ToUpperInvariant()} by sending \"{optOut.Keyword}\" on {optOut.OptedOutAt:yyyy-MM-dd HH:mm} UTC, so they cannot be texted (Twilio error 21610) until they send START.");

    /// <summary>Why the attached files cannot be sent, in a sentence for the agent naming the file; null when they can.
    /// A reply that breaks the policy is refused whole, even when the console's own check was bypassed.</summary>
    private string? FileProblem(ChannelKind channel, IReadOnlyList<FileContent> files)
    {
        if (files.Count == 0)
        {
            return null;
        }
        if (channel == ChannelKind.Sms)
        {
            return MmsProblem(files);
        }
        if (channel == ChannelKind.WhatsApp && files.Count > 1)
        {
            return "A WhatsApp message carries one file: send each file as its own reply.";
        }
        if (channel is not (ChannelKind.Email or ChannelKind.WhatsApp or ChannelKind.Telegram))
        {
            return "Files can only be attached to e-mail, SMS, WhatsApp and Telegram replies.";
        }
        long total = 0;
        for (var i = 0; i < files.Count; i++)
        {
            var name = FileNameText.Clean(files[i].FileName);
            if ((ReplyFilePolicy.Problem(name, files[i].Size, i, total, fileLimits.Value)
                ?? (channel == ChannelKind.Telegram ? ReplyFilePolicy.TelegramProblem(name, files[i].Size) : null)) is { } problem)
            {
                return problem;
            }
            total += files[i].Size;
        }
        return null;
    }

    /// <summary>Twilio's MMS limits: JPEG, PNG or GIF pictures only, 5 MB for the whole message, at most 10 of them.</summary>
    private static string? MmsProblem(IReadOnlyList<FileContent> files)
    {
        if (files.Count > MaxMmsFiles)
        {
            return $"An MMS carries at most {MaxMmsFiles} pictures.";
        }
        if (files.Select(f => FileNameText.Clean(f.FileName)).FirstOrDefault(n => ReplyFilePolicy.ContentTypeFor(n) is not ("image/jpeg" or "image/png" or "image/gif")) is { } other)
        {
            return $"“{other}” cannot go by SMS: only JPEG, PNG and GIF pictures can (send documents by e-mail).";
        }
        return files.Sum(f => f.Size) > MaxMmsBytes ? "Pictures sent by SMS may add up to 5 MB at most." : null;
    }

    private const int MaxMmsFiles = 10;
    private const long MaxMmsBytes = 5 * 1024 * 1024;

    /// <summary>The files as stored: a clean name, typed by its extension (never by what the browser declared).</summary>
    private static IReadOnlyList<FileContent> Accepted(IReadOnlyList<FileContent> files) =>
        files.Select(f => FileNameText.Clean(f.FileName)).Zip(files, (name, f) => new FileContent(name, ReplyFilePolicy.ContentTypeFor(name)!, f.Content)).ToList();
}
