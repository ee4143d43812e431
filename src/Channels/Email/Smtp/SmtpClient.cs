using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactHub.Channels.Email.Smtp;

/// <summary>Submits messages over SMTP (RFC 5321) with STARTTLS or implicit TLS and AUTH PLAIN/LOGIN.
/// Never throws for SMTP, network or TLS trouble: every message gets a classified <see cref="SmtpSendResult"/>.
/// Only cancellation of the caller's token throws.</summary>
public sealed partial class SmtpClient(SmtpClientOptions options, ILogger<SmtpClient>? logger = null)
{
    private readonly ILogger _log = logger ?? (ILogger)NullLogger.Instance;

    public async Task<SmtpSendResult> SendAsync(SmtpMessage message, CancellationToken ct = default) =>
        (await SendAsync([message], ct))[0];

    /// <summary>Sends the messages over one connection, in order; one result per message, same order.</summary>
    public async Task<IReadOnlyList<SmtpSendResult>> SendAsync(IReadOnlyList<SmtpMessage> messages, CancellationToken ct = default)
    {
        var results = new List<SmtpSendResult>(messages.Count);
        SmtpConnection? connection = null;
        try
        {
            connection = await SmtpConnection.ConnectAsync(options.Host, options.Port, options.ConnectTimeout, ct);
            var caps = await OpenSessionAsync(connection, ct);
            foreach (var message in messages)
            {
                var result = await SendOneAsync(connection, caps, message, ct);
                LogResult(options.Host, result.Outcome, result.Code, result.Text);
                results.Add(result);
            }
            await QuitAsync(connection, ct);
        }
        catch (SmtpFailure failure)
        {
            LogSessionFailed(options.Host, failure.Result.Outcome, failure.Result.Text);
            while (results.Count < messages.Count)
                results.Add(failure.Result);
        }
        finally
        {
            if (connection is not null)
                await connection.DisposeAsync();
        }
        return results;
    }

    private async Task<SmtpCapabilities> OpenSessionAsync(SmtpConnection connection, CancellationToken ct)
    {
        if (options.Security == SmtpSecurity.ImplicitTls)
            await connection.StartTlsAsync(options.Host, options.CertificateValidation, options.CommandTimeout, ct);

        var greeting = await connection.ReadReplyAsync(options.CommandTimeout, ct);
        if (greeting.Code != 220)
            throw SmtpFailure.FromReply(greeting, greeting.IsTransient ? SmtpOutcome.TransientFailure : SmtpOutcome.ConfigurationError);

        var caps = await HelloAsync(connection, ct);
        if (options.Security == SmtpSecurity.StartTls)
        {
            if (!caps.StartTls)
                throw SmtpFailure.Configuration($"{options.Host} does not offer STARTTLS; refusing to go on in plaintext");
            var ready = await CommandAsync(connection, "STARTTLS", ct);
            if (ready.Code != 220)
                throw SmtpFailure.FromReply(ready, ready.IsTransient ? SmtpOutcome.TransientFailure : SmtpOutcome.ConfigurationError);
            await connection.StartTlsAsync(options.Host, options.CertificateValidation, options.CommandTimeout, ct);
            // RFC 3207: everything learnt before TLS is discarded, so ask again.
            caps = await HelloAsync(connection, ct);
        }

        if (!string.IsNullOrEmpty(options.UserName))
            await AuthenticateAsync(connection, caps, ct);
        return caps;
    }

    private async Task<SmtpCapabilities> HelloAsync(SmtpConnection connection, CancellationToken ct)
    {
        var ehlo = await CommandAsync(connection, $"EHLO {options.ClientName}", ct);
        if (ehlo.Code == 250)
            return SmtpCapabilities.Parse(ehlo);
        if (ehlo.IsTransient)
            throw SmtpFailure.FromReply(ehlo, SmtpOutcome.TransientFailure);
        var helo = await CommandAsync(connection, $"HELO {options.ClientName}", ct);
        if (helo.Code != 250)
            throw SmtpFailure.FromReply(helo, helo.IsTransient ? SmtpOutcome.TransientFailure : SmtpOutcome.ConfigurationError);
        return new SmtpCapabilities();
    }

    private async Task AuthenticateAsync(SmtpConnection connection, SmtpCapabilities caps, CancellationToken ct)
    {
        if (!connection.IsEncrypted)
            throw SmtpFailure.Configuration("credentials are configured but the connection is not encrypted; refusing to send them");
        var user = options.UserName!;
        var password = options.Password ?? "";
        SmtpReply reply;
        bool Use(string mechanism) => caps.AuthMechanisms.Contains(mechanism)
            && (options.AuthMechanism is null || string.Equals(options.AuthMechanism, mechanism, StringComparison.OrdinalIgnoreCase));
        if (Use("PLAIN"))
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{user}\0{password}"));
            reply = await CommandAsync(connection, $"AUTH PLAIN {token}", ct, logAs: "AUTH PLAIN ***");
        }
        else if (Use("LOGIN"))
        {
            reply = await CommandAsync(connection, "AUTH LOGIN", ct);
            if (reply.Code == 334)
                reply = await CommandAsync(connection, Convert.ToBase64String(Encoding.UTF8.GetBytes(user)), ct, logAs: "*** (user name)");
            if (reply.Code == 334)
                reply = await CommandAsync(connection, Convert.ToBase64String(Encoding.UTF8.GetBytes(password)), ct, logAs: "*** (password)");
        }
        else
        {
            var offered = caps.AuthMechanisms.Count == 0 ? "none" : string.Join(' ', caps.AuthMechanisms);
            throw SmtpFailure.Configuration($"{options.Host} offers no usable AUTH mechanism (wanted: {options.AuthMechanism ?? "PLAIN or LOGIN"}; offered: {offered})");
        }

        if (reply.Code == 235)
            return;
        // 454 and friends are the server's temporary trouble; 535 and other 5xx mean the credentials or account are wrong.
        throw SmtpFailure.FromReply(reply, reply.IsTransient ? SmtpOutcome.TransientFailure : SmtpOutcome.ConfigurationError);
    }

    private async Task<SmtpSendResult> SendOneAsync(SmtpConnection connection, SmtpCapabilities caps, SmtpMessage message, CancellationToken ct)
    {
        if (Validate(message, caps) is { } invalid)
            return SmtpSendResult.Local(SmtpOutcome.PermanentFailure, invalid);

        var data = SmtpDataEncoder.Encode(message.Content.Span);
        // RFC 1870 counts the message with CRLF line ends; the terminating "." line is not part of it.
        var size = data.Length - 3;
        if (caps.MaxSize > 0 && size > caps.MaxSize)
            return SmtpSendResult.Local(SmtpOutcome.PermanentFailure, $"message of {size} bytes exceeds the server's SIZE limit of {caps.MaxSize}");

        var mail = new StringBuilder($"MAIL FROM:<{message.Sender}>");
        if (caps.Size)
            mail.Append(" SIZE=").Append(size);
        if (caps.EightBitMime && SmtpDataEncoder.HasEightBit(message.Content.Span))
            mail.Append(" BODY=8BITMIME");
        if (NeedsUtf8(message))
            mail.Append(" SMTPUTF8");
        var commands = new List<string> { mail.ToString() };
        commands.AddRange(message.Recipients.Select(r => $"RCPT TO:<{r}>"));

        var replies = new List<SmtpReply>(commands.Count);
        if (caps.Pipelining)
        {
            // RFC 2920: MAIL and RCPT go out together and the replies come back in order.
            foreach (var command in commands)
                LogCommand(command);
            await connection.WriteAsync(Encoding.UTF8.GetBytes(string.Concat(commands.Select(c => c + "\r\n"))), options.CommandTimeout, ct);
            foreach (var _ in commands)
                replies.Add(await ReadAsync(connection, ct));
        }
        else
        {
            replies.Add(await CommandAsync(connection, commands[0], ct));
            if (replies[0].Code == 250)
            {
                foreach (var command in commands.Skip(1))
                    replies.Add(await CommandAsync(connection, command, ct));
            }
        }

        var mailReply = replies[0];
        if (mailReply.Code != 250)
        {
            await ResetAsync(connection, ct);
            // 530: the server wants AUTH we did not do; that is a settings problem, not this message's.
            return SmtpSendResult.From(mailReply, mailReply.Code == 530 ? SmtpOutcome.ConfigurationError : Classify(mailReply));
        }

        var rejected = new List<SmtpRecipientFailure>();
        for (var i = 0; i < message.Recipients.Count; i++)
        {
            var reply = replies[i + 1];
            if (reply.Code is not (250 or 251))
                rejected.Add(new SmtpRecipientFailure(message.Recipients[i], Classify(reply), reply.Code, reply.EnhancedStatus, reply.Text));
        }
        if (rejected.Count == message.Recipients.Count)
        {
            await ResetAsync(connection, ct);
            // When some refusal is temporary, a retry may still reach someone.
            var deciding = rejected.FirstOrDefault(r => r.Outcome == SmtpOutcome.TransientFailure) ?? rejected[0];
            return new SmtpSendResult(deciding.Outcome, deciding.Code, deciding.EnhancedStatus, deciding.Text, rejected);
        }

        var go = await CommandAsync(connection, "DATA", ct);
        if (go.Code != 354)
        {
            await ResetAsync(connection, ct);
            return SmtpSendResult.From(go, Classify(go), rejected);
        }
        LogCommand($"<message, {data.Length} bytes>");
        await connection.WriteAsync(data, options.DataTimeout, ct);
        var done = await ReadAsync(connection, ct, options.DataTimeout);
        return SmtpSendResult.From(done, done.Code == 250 ? SmtpOutcome.Accepted : Classify(done), rejected);
    }

    private static string? Validate(SmtpMessage message, SmtpCapabilities caps)
    {
        if (message.Recipients.Count == 0)
            return "no recipients";
        foreach (var address in message.Recipients.Prepend(message.Sender))
        {
            if (address.Any(c => char.IsControl(c) || c is '<' or '>' || char.IsWhiteSpace(c)))
                return $"address contains a control character, space or angle bracket: {address}";
        }
        if (message.Recipients.Any(r => !r.Contains('@')))
            return "a recipient address has no domain";
        if (NeedsUtf8(message) && !caps.SmtpUtf8)
            return "a non-ASCII address needs SMTPUTF8, which the server does not offer";
        return null;
    }

    private static bool NeedsUtf8(SmtpMessage message) =>
        !Ascii.IsValid(message.Sender) || message.Recipients.Any(r => !Ascii.IsValid(r));

    private static SmtpOutcome Classify(SmtpReply reply) =>
        reply.IsTransient ? SmtpOutcome.TransientFailure : reply.IsPermanent ? SmtpOutcome.PermanentFailure : SmtpOutcome.TransientFailure;

    private async Task ResetAsync(SmtpConnection connection, CancellationToken ct)
    {
        var reply = await CommandAsync(connection, "RSET", ct);
        if (reply.Code != 250)
            throw SmtpFailure.FromReply(reply, SmtpOutcome.TransientFailure);
    }

    private async Task QuitAsync(SmtpConnection connection, CancellationToken ct)
    {
        try
        {
            await CommandAsync(connection, "QUIT", ct);
        }
        catch (SmtpFailure)
        {
            // Everything is already delivered; a server that drops the line instead of answering QUIT changes nothing.
        }
    }

    private async Task<SmtpReply> CommandAsync(SmtpConnection connection, string command, CancellationToken ct, string? logAs = null)
    {
        LogCommand(logAs ?? command);
        await connection.WriteLineAsync(command, options.CommandTimeout, ct);
        return await ReadAsync(connection, ct);
    }

    private async Task<SmtpReply> ReadAsync(SmtpConnection connection, CancellationToken ct, TimeSpan? timeout = null)
    {
        var reply = await connection.ReadReplyAsync(timeout ?? options.CommandTimeout, ct);
        LogReply(reply.Code, reply.Text);
        // 421: the server is closing the session; nothing more can be sent on it.
        if (reply.Code == 421)
            throw SmtpFailure.FromReply(reply, SmtpOutcome.TransientFailure);
        return reply;
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "SMTP C: {Command}")]
    private partial void LogCommand(string command);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "SMTP S: {Code} {Text}")]
    private partial void LogReply(int code, string text);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "SMTP send via {Host}: {Outcome} {Code} {Text}")]
    private partial void LogResult(string host, SmtpOutcome outcome, int code, string text);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "SMTP session with {Host} ended: {Outcome} {Text}")]
    private partial void LogSessionFailed(string host, SmtpOutcome outcome, string text);
}
