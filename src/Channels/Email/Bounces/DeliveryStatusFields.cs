using ContactHub.Channels.Email.Mime;

namespace ContactHub.Channels.Email.Bounces;

/// <summary>One recipient's block of a delivery-status body (RFC 3464 section 2.3).</summary>
internal sealed record RecipientStatus(string? Recipient, string Action, string? Status, string? DiagnosticCode);

/// <summary>
/// The body of a message/delivery-status part: a block of per-message fields, then one block per recipient, each
/// block written like a header and ended by a blank line.
/// </summary>
internal sealed record DeliveryStatusFields(IReadOnlyList<HeaderBlock.RawField> PerMessage, IReadOnlyList<RecipientStatus> Recipients)
{
    private const int MaxBlocks = 100;

    public static DeliveryStatusFields Read(ReadOnlySpan<byte> body)
    {
        var warnings = new WarningCollector();
        var blocks = new List<IReadOnlyList<HeaderBlock.RawField>>();
        var position = 0;
        while (position < body.Length && blocks.Count < MaxBlocks)
        {
            var block = HeaderBlock.Read(body[position..], isTopLevel: false, warnings);
            if (block.BodyStart == 0)
            {
                // A stray line that is no field: step over it rather than stop reading the report.
                position = Lines.Next(body, position, out _);
                continue;
            }
            if (block.Fields.Count > 0)
            {
                blocks.Add(block.Fields);
            }
            position += block.BodyStart;
        }
        if (blocks.Count == 0)
        {
            return new DeliveryStatusFields([], []);
        }
        // The per-message block has no Action; if a sloppy MTA left it out, every block is a recipient's.
        var perMessage = Field(blocks[0], "Action") is null ? blocks[0] : [];
        var recipients = blocks.Skip(perMessage.Count > 0 ? 1 : 0)
            .Where(b => Field(b, "Action") is not null)
            .Select(b => new RecipientStatus(
                Address(Field(b, "Final-Recipient") ?? Field(b, "Original-Recipient")),
                FirstToken(Field(b, "Action")!).ToLowerInvariant(),
                Field(b, "Status") is { } status ? EnhancedStatusCode.Find(status) : null,
                Field(b, "Diagnostic-Code")))
            .ToList();
        return new DeliveryStatusFields(perMessage, recipients);
    }

    public static string? Field(IReadOnlyList<HeaderBlock.RawField> block, string name) =>
        block.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)).RawValue;

    /// <summary>"rfc822; dana@example.com" (address-type; address) gives the address.</summary>
    private static string? Address(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var semicolon = value.IndexOf(';');
        var address = (semicolon >= 0 ? value[(semicolon + 1)..] : value).Trim().Trim('<', '>').Trim();
        return address.Length is > 0 and <= 320 ? address : null;
    }

    private static string FirstToken(string value) =>
        value.Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : "";
}
