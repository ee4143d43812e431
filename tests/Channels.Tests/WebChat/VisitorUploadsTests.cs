using ContactHub.Channels.WebChat;

namespace ContactHub.Channels.Tests.WebChat;

public sealed class VisitorUploadsTests
{
    private const long Limit = 1024;

    [Theory]
    [InlineData("photo.PNG", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "image/png")]
    [InlineData("photo.jpeg", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0 }, "image/jpeg")]
    [InlineData("anim.gif", new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0 }, "image/gif")]
    [InlineData("pic.webp", new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0 }, "image/webp")]
    [InlineData("invoice.pdf", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "application/pdf")]
    public void AnImageOrPdfWhoseBytesMatchItsNameIsAccepted(string name, byte[] content, string type)
    {
        var (file, problem) = VisitorUploads.Check(name, content, Limit);

        Assert.Null(problem);
        Assert.Equal(type, file!.ContentType);
    }

    [Theory]
    [InlineData("page.html", "only images")]
    [InlineData("drawing.svg", "only images")]
    [InlineData("setup.exe", "only images")]
    [InlineData("fake.png", "does not look like the PNG")]
    [InlineData("fake.pdf", "does not look like the PDF")]
    public void AnythingElseIsRefusedWithTheReason(string name, string reason)
    {
        var (file, problem) = VisitorUploads.Check(name, "<script>alert(1)</script>"u8.ToArray(), Limit);

        Assert.Null(file);
        Assert.Contains(reason, problem);
    }

    [Fact]
    public void AFileOverTheLimitIsRefusedAsTooLarge()
    {
        byte[] content = [.. "%PDF-1.7"u8.ToArray(), .. new byte[Limit]];

        var (file, problem) = VisitorUploads.Check("big.pdf", content, Limit);

        Assert.Null(file);
        Assert.Contains("too large", problem);
    }
}
