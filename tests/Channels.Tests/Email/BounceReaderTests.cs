using ContactHub.Channels.Email.Bounces;
using ContactHub.Core.Outbound;

namespace ContactHub.Channels.Tests.Email;

/// <summary>Delivery status notifications as Postfix, Exim, Gmail and qmail write them (hand-made fixtures in Fixtures/email/bounces).</summary>
public class BounceReaderTests
{
    private static DeliveryReport? Read(string fixture) => BounceReader.Read(TestMail.Fixture(Path.Combine("bounces", fixture)));

    [Fact]
    public void APostfixBounceNamesOurMessageTheRecipientTheCodeAndTheRemoteServersReason()
    {
        var report = Read("postfix_user_unknown.eml")!;

        Assert.Equal("19a4f1c2b3d.k3j5h7g9f1d2@example.net", report.ConcernsExternalIds[0]);
        Assert.Equal(DeliveryReportActions.Failed, report.Action);
        Assert.Equal("nobody@example.com", report.Recipient);
        Assert.Equal("5.1.1", report.StatusCode);
        Assert.Equal("<nobody@example.com>: Recipient address rejected: User unknown in virtual mailbox table", report.Reason);
        Assert.Equal("20261123100002.4D2E31C0124@mail.example.net", report.ReportId);
        Assert.Equal(TestMail.FixtureBytes(Path.Combine("bounces", "postfix_user_unknown.eml")), report.RawSource);
    }

    [Fact]
    public void AnEximBouncesGenericStatusGivesWayToTheSpecificCodeTheRemoteServerSent()
    {
        var report = Read("exim_failed.eml")!;

        Assert.Equal("19a4f1c4d5e.z9x8c7v6b5n4@example.net", report.ConcernsExternalIds[0]);
        Assert.Equal(DeliveryReportActions.Failed, report.Action);
        Assert.Equal("gone@example.org", report.Recipient);
        Assert.Equal("5.1.1", report.StatusCode);
        Assert.Equal("<gone@example.org>... User unknown", report.Reason);
    }

    [Fact]
    public void AGmailBounceWithItsNestedHtmlNoticeIsReadAndItsMultiLineReplyBecomesOneSentence()
    {
        var report = Read("gmail_no_such_user.eml")!;

        Assert.Equal("19a4f1c6f70.q1w2e3r4t5y6@example.net", report.ConcernsExternalIds[0]);
        Assert.Equal(DeliveryReportActions.Failed, report.Action);
        Assert.Equal("no.such.user.4711@gmail.com", report.Recipient);
        Assert.Equal("5.1.1", report.StatusCode);
        Assert.StartsWith(
            "The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces.",
            report.Reason);
        Assert.DoesNotContain("550", report.Reason);
    }

    [Fact]
    public void ADelayNoticeIsReportedAsDelayedWithItsTemporaryCode()
    {
        var report = Read("postfix_delayed.eml")!;

        Assert.Equal("19a4f1c9e77.a8s7d6f5g4h3@example.net", report.ConcernsExternalIds[0]);
        Assert.Equal(DeliveryReportActions.Delayed, report.Action);
        Assert.Equal("4.4.1", report.StatusCode);
        Assert.Equal("connect to mx.example.org[198.51.100.7]:25: Connection timed out", report.Reason);
    }

    [Fact]
    public void AnOldStyleFailureNoticeWithoutAReportPartIsFoundThroughTheQuotedMessageId()
    {
        var report = Read("qmail_failure_notice.eml")!;

        Assert.Equal(["19a4f1c8a81.m1n2b3v4c5x6@example.net"], report.ConcernsExternalIds);
        Assert.Equal(DeliveryReportActions.Failed, report.Action);
        Assert.Equal("5.2.1", report.StatusCode);
        Assert.Equal("<old.customer@example.com>: Mailbox disabled for this recipient", report.Reason);
    }

    [Fact]
    public void ACustomersAutoReplyQuotingOurMessageIdIsNoBounce() =>
        Assert.Null(Read("vacation_autoreply.eml"));

    [Fact]
    public void AnOrdinaryCustomerEmailIsNoBounce() =>
        Assert.Null(BounceReader.Read(TestMail.Fixture("01_plain_ascii.eml")));

    [Fact]
    public void WithoutADiagnosticTheReasonIsWhatTheStatusCodeMeans()
    {
        var report = BounceReader.Read(Report("Action: failed", "Status: 5.2.2"))!;

        Assert.Equal("5.2.2", report.StatusCode);
        Assert.Equal("The mailbox is full", report.Reason);
    }

    [Fact]
    public void NumbersInsideTheDiagnosticSentenceAreKept()
    {
        var report = BounceReader.Read(Report("Action: failed", "Status: 5.2.2", "Diagnostic-Code: smtp; 552 5.2.2 Quota of 250 messages exceeded"))!;

        Assert.Equal("Quota of 250 messages exceeded", report.Reason);
    }

    [Fact]
    public void AReportWhoseRecipientWasDeliveredKeepsThatActionSoNothingIsMarkedFailed()
    {
        var report = BounceReader.Read(Report("Action: delivered", "Status: 2.0.0"))!;

        Assert.Equal("delivered", report.Action);
    }

    /// <summary>A minimal RFC 3464 report for one recipient of our message "ours-1@example.net".</summary>
    private static ContactHub.Channels.Email.Mime.MimeMessage Report(params string[] recipientFields) => TestMail.Read(
        [
            "From: Mail Delivery System <MAILER-DAEMON@mx.example.org>",
            "To: support@example.net",
            "Subject: Delivery report",
            "Message-ID: <report-1@mx.example.org>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"",
            "",
            "--b1",
            "Content-Type: text/plain",
            "",
            "Human-readable part.",
            "--b1",
            "Content-Type: message/delivery-status",
            "",
            "Reporting-MTA: dns; mx.example.org",
            "",
            "Final-Recipient: rfc822; dana@example.com",
            .. recipientFields,
            "",
            "--b1",
            "Content-Type: text/rfc822-headers",
            "",
            "Message-ID: <ours-1@example.net>",
            "",
            "--b1--",
        ]);
}
