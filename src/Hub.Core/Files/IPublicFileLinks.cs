namespace ContactHub.Core.Files;

/// <summary>
/// Turns a file the hub stores (<c>/api/files/{id}</c>) into a URL a provider can fetch without a console session
/// (Twilio downloads MMS media itself): absolute on the hub's public address, signed and short-lived.
/// </summary>
public interface IPublicFileLinks
{
    /// <returns>The fetchable URL, the URL itself when it is not a stored file, or null when it cannot be shared.</returns>
    string? PublicUrlFor(string attachmentUrl);
}
