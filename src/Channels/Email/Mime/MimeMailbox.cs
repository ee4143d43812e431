namespace ContactHub.Channels.Email.Mime;

/// <summary>One address from From/To/Cc/Reply-To; DisplayName is decoded and empty when absent.</summary>
public sealed record MimeMailbox(string DisplayName, string Address);
