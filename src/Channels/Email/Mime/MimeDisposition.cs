namespace ContactHub.Channels.Email.Mime;

public enum MimeDisposition
{
    Attachment,
    /// <summary>Shown inside the body, typically an image an HTML body references as cid:ContentId.</summary>
    Inline,
}
