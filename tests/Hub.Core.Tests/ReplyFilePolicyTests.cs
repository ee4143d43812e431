using ContactHub.Core.Files;

namespace ContactHub.Core.Tests;

public class ReplyFilePolicyTests
{
    private static readonly FileLimits Limits = new() { MaxFileBytes = 1000, MaxMessageBytes = 1500 };

    [Theory]
    [InlineData("Quote.PDF", "application/pdf")]
    [InlineData("photo.jpeg", "image/jpeg")]
    [InlineData("sheet.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public void AllowedKindsAreTypedByTheirExtension(string name, string type) => Assert.Equal(type, ReplyFilePolicy.ContentTypeFor(name));

    [Theory]
    [InlineData("setup.exe")]
    [InlineData("page.html")]
    [InlineData("drawing.svg")]
    [InlineData("no-extension")]
    [InlineData("invoice.pdf.exe")]
    public void OtherKindsAreRefusedWithTheListOfWhatIsAllowed(string name)
    {
        Assert.Null(ReplyFilePolicy.ContentTypeFor(name));
        Assert.Contains("only PDF, PNG", ReplyFilePolicy.Problem(name, 10, 0, 0, Limits));
    }

    [Fact]
    public void AFileOverThePerFileLimitIsRefusedNamingTheLimit() =>
        Assert.Equal("“scan.pdf” is too large: files can be at most 15 MB.", ReplyFilePolicy.Problem("scan.pdf", 15 * 1024 * 1024 + 1, 0, 0, new FileLimits()));

    [Fact]
    public void FilesThatTogetherPassTheMessageLimitOrTheCountAreRefused()
    {
        Assert.Null(ReplyFilePolicy.Problem("a.pdf", 900, 1, 600, Limits));
        Assert.Contains("all files of a reply together", ReplyFilePolicy.Problem("a.pdf", 901, 1, 600, Limits));
        Assert.Contains("at most 10 files", ReplyFilePolicy.Problem("a.pdf", 1, ReplyFilePolicy.MaxFiles, 10, Limits));
    }

    [Fact]
    public void NamesAreJudgedAfterCleaningSoOnlyTheRealExtensionCounts()
    {
        Assert.Equal("application/pdf", ReplyFilePolicy.ContentTypeFor("C:\\Users\\ana\\quote.pdf"));
        // Right-to-left override makes "quote\u202Efdp.exe" look like "quoteexe.pdf"; cleaned, it is an .exe.
        Assert.Null(ReplyFilePolicy.ContentTypeFor("quote\u202Efdp.exe"));
    }

    [Theory]
    [InlineData("image/jpeg", 10 * 1024 * 1024, true)]
    [InlineData("image/png", 1024, true)]
    [InlineData("image/jpeg", 10 * 1024 * 1024 + 1, false)]
    [InlineData("image/gif", 1024, false)]
    [InlineData("application/pdf", 1024, false)]
    public void TelegramShowsJpegAndPngUpToTenMegabytesAsPhotosAndSendsTheRestAsDocuments(string type, long size, bool photo) =>
        Assert.Equal(photo, ReplyFilePolicy.IsTelegramPhoto(type, size));

    [Fact]
    public void TelegramRefusesFilesOverFiftyMegabytesNamingTheLimit()
    {
        Assert.Null(ReplyFilePolicy.TelegramProblem("scan.pdf", 50 * 1024 * 1024));
        Assert.Equal("“scan.pdf” is too large for Telegram: a bot can send files of at most 50 MB.", ReplyFilePolicy.TelegramProblem("scan.pdf", 50 * 1024 * 1024 + 1));
    }
}
