using ContactHub.Channels.Email.Bounces;
using ContactHub.Channels.Email.Imap;
using ContactHub.Channels.Email.Mime;
using ContactHub.Channels.Email.Threading;
using ContactHub.Core.Services;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactHub.Channels.Email;

/// <summary>
/// Watches the support mailbox and feeds every message through the inbound pipeline. The watcher checkpoints
/// only after the pipeline stored a message, and the store dedupes on Message-ID, so restarts and dropped
/// connections neither lose nor duplicate mail. A bounce about one of our replies is attached to that reply instead
/// of opening a conversation; it, too, is stored before the checkpoint moves.
/// </summary>
public sealed class ImapIngestService(
    IOptions<ImapIngestOptions> options,
    ImapCursorCheckpoints checkpoints,
    InboundPipeline pipeline,
    ConversationTokenKey tokenKey,
    DeliveryReportIntake deliveryReports,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    private readonly MimeReader _reader = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var watcher = new MailboxWatcher(
            new MailboxWatcherOptions
            {
                Host = settings.Host,
                Port = settings.Port,
                Security = settings.Security,
                UserName = settings.UserName,
                Password = settings.Password,
                Folder = settings.Folder,
                ProcessedKeyword = settings.ProcessedKeyword,
                UseIdle = settings.UseIdle,
                PollInterval = TimeSpan.FromSeconds(Math.Max(5, settings.PollSeconds)),
                CertificateValidation = TrustedCertificate.Only(settings.TrustedCertificateFile),
            },
            checkpoints,
            ConsumeAsync,
            loggers.CreateLogger<MailboxWatcher>(),
            time);
        return watcher.RunAsync(stoppingToken);
    }

    private async Task ConsumeAsync(ImapFetchedMessage fetched, CancellationToken cancellationToken)
    {
        var message = _reader.Read(fetched.RawMessage);
        if (BounceReader.Read(message) is { } bounce && await deliveryReports.AcceptAsync(bounce, cancellationToken))
        {
            return;
        }
        var tokens = await tokenKey.TokensAsync(cancellationToken);
        await pipeline.AcceptAsync(EmailInboundMapper.Map(message, time.GetUtcNow(), tokens), cancellationToken);
    }
}
