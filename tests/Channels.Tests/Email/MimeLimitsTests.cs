using ContactHub.Channels.Email.Mime;

namespace ContactHub.Channels.Tests.Email;

public class MimeLimitsTests
{
    private static string[] MixedWithAttachments(int count)
    {
        var lines = new List<string> { "Content-Type: multipart/mixed; boundary=m", "", "--m", "", "body" };
        for (var i = 0; i < count; i++)
            lines.AddRange(["--m", $"Content-Type: application/octet-stream; name=f{i}.bin", "", new string('x', 100)]);
        lines.Add("--m--");
        return [.. lines];
    }

    [Fact]
    public void AttachmentOverTheSizeLimitLosesItsBytesWithAWarningButKeepsNameAndSizeAndStaysInTheRawSource()
    {
        var message = TestMail.Read(new MimeReaderOptions { MaxAttachmentBytes = 50 }, MixedWithAttachments(1));

        var omitted = Assert.Single(message.Attachments);
        Assert.Equal(("f0.bin", 100, 0), (omitted.FileName, omitted.Size, omitted.Content.Length));
        Assert.Equal("body", message.TextBody);
        Assert.True(message.Has(MimeWarningKind.AttachmentTooLarge));
        Assert.Contains("f0.bin", System.Text.Encoding.ASCII.GetString(message.Raw.Span));
    }

    [Fact]
    public void PartsBeyondTheLimitAreDroppedWithOneWarning()
    {
        var message = TestMail.Read(new MimeReaderOptions { MaxParts = 4 }, MixedWithAttachments(10));

        Assert.Equal("body", message.TextBody);
        Assert.Equal(["f0.bin", "f1.bin"], message.Attachments.Select(a => a.FileName));
        Assert.Single(message.Warnings, w => w.Kind == MimeWarningKind.TooManyParts);
    }
}
