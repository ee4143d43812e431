using System.Globalization;
using System.Text;

namespace ContactHub.StandIns.Simulator.Email;

/// <summary>
/// Plays the remote mail system of a customer whose mailbox is gone: the delivery status notification (RFC 3464)
/// Postfix would return for the hub's reply, with the reply's headers attached so the hub can find it.
/// </summary>
public static class BounceMail
{
    public static byte[] For(HubAnswer answer, string supportAddress, DateTimeOffset date)
    {
        var boundary = "=_dsn_" + Guid.NewGuid().ToString("N");
        var recipient = answer.Customer.Address;
        var domain = recipient[(recipient.IndexOf('@') + 1)..];
        var headers = Encoding.UTF8.GetString(answer.Message.Raw.Span);
        var headerEnd = headers.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var mail = new StringBuilder()
            .Append("Return-Path: <>\r\n")
            .Append($"From: MAILER-DAEMON@mx.{domain} (Mail Delivery System)\r\n")
            .Append($"To: {supportAddress}\r\n")
            .Append("Subject: Undelivered Mail Returned to Sender\r\n")
            .Append($"Date: {date.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture)}\r\n")
            .Append($"Message-ID: <dsn-{Guid.NewGuid():N}@mx.{domain}>\r\n")
            .Append("Auto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\n")
            .Append($"Content-Type: multipart/report; report-type=delivery-status; boundary=\"{boundary}\"\r\n\r\n")
            .Append($"--{boundary}\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n")
            .Append($"This is the mail system at host mx.{domain}.\r\n\r\nYour message could not be delivered to {recipient}.\r\n\r\n")
            .Append($"--{boundary}\r\nContent-Type: message/delivery-status\r\n\r\n")
            .Append($"Reporting-MTA: dns; mx.{domain}\r\n\r\n")
            .Append($"Final-Recipient: rfc822; {recipient}\r\nAction: failed\r\nStatus: 5.1.1\r\n")
            .Append($"Diagnostic-Code: smtp; 550 5.1.1 <{recipient}>: Recipient address rejected:\r\n    User unknown in virtual mailbox table\r\n\r\n")
            .Append($"--{boundary}\r\nContent-Type: text/rfc822-headers\r\n\r\n")
            .Append(headerEnd < 0 ? headers : headers[..headerEnd]).Append("\r\n\r\n")
            .Append($"--{boundary}--\r\n");
        return Encoding.UTF8.GetBytes(mail.ToString());
    }
}
