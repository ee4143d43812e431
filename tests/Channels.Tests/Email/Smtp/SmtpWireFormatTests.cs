using System.Text;
using ContactHub.Channels.Email.Smtp;

namespace ContactHub.Channels.Tests.Email.Smtp;

public class SmtpWireFormatTests
{
    private static string Data(string content) => Encoding.ASCII.GetString(SmtpDataEncoder.Encode(Encoding.ASCII.GetBytes(content)));

    [Fact]
    public void LineStartingWithADotIsDotStuffed()
    {
        Assert.Equal("a\r\n..hidden\r\n..\r\nb\r\n.\r\n", Data("a\r\n.hidden\r\n.\r\nb\r\n"));
    }

    [Fact]
    public void FirstLineDotIsStuffedToo()
    {
        Assert.Equal("..x\r\n.\r\n", Data(".x"));
    }

    [Fact]
    public void BareLfAndBareCrBecomeCrlf()
    {
        Assert.Equal("a\r\nb\r\nc\r\n.\r\n", Data("a\nb\rc"));
    }

    [Fact]
    public void EmptyMessageStillEndsTheData()
    {
        Assert.Equal(".\r\n", Data(""));
    }

    [Fact]
    public void EhloExtensionsAreParsed()
    {
        var reply = new SmtpReply(250, ["mx.example.net", "PIPELINING", "SIZE 35882577", "8BITMIME", "SMTPUTF8", "STARTTLS", "AUTH PLAIN LOGIN", "AUTH=CRAM-MD5"]);

        var caps = SmtpCapabilities.Parse(reply);

        Assert.True(caps.Pipelining && caps.EightBitMime && caps.SmtpUtf8 && caps.StartTls && caps.Size);
        Assert.Equal(35882577, caps.MaxSize);
        Assert.Equal(new HashSet<string> { "PLAIN", "LOGIN", "CRAM-MD5" }, caps.AuthMechanisms);
    }

    [Fact]
    public void GreetingNameIsNotMistakenForAnExtension()
    {
        var caps = SmtpCapabilities.Parse(new SmtpReply(250, ["STARTTLS"]));

        Assert.False(caps.StartTls);
    }

    [Theory]
    [InlineData(550, "5.1.1 <x@y>: User unknown", "5.1.1")]
    [InlineData(451, "4.3.0 try later", "4.3.0")]
    [InlineData(550, "User unknown", null)]
    [InlineData(550, "4.1.1 class must match the code", null)]
    [InlineData(250, "2.0.0 Ok: queued as 4Ab3", "2.0.0")]
    public void EnhancedStatusCodeIsReadWhenPresent(int code, string text, string? expected)
    {
        Assert.Equal(expected, new SmtpReply(code, [text]).EnhancedStatus);
    }

    [Fact]
    public void QueueIdIsWhatFollowsQueuedAs()
    {
        var result = new SmtpSendResult(SmtpOutcome.Accepted, 250, "2.0.0", "2.0.0 Ok: queued as 4Ab3", []);

        Assert.Equal("4Ab3", result.QueueId);
    }
}
