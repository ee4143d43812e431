using ContactHub.Core.Domain;
using ContactHub.Core.Outbound;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.WhatsApp;

/// <summary>The templates configured under WhatsApp:Templates, offered to agents and checked by the reply service.</summary>
public sealed class WhatsAppTemplateCatalog(IOptions<WhatsAppOptions> options) : IMessageTemplates
{
    public IReadOnlyList<MessageTemplate> For(ChannelKind channel) =>
        channel == ChannelKind.WhatsApp ? options.Value.Templates.Select(t => new MessageTemplate(t.Name.Trim(), t.Language.Trim(), t.Body)).ToList() : [];
}
