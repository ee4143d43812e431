using Microsoft.Extensions.Options;

namespace ContactHub.StandIns.Simulator.Email;

/// <summary>
/// Plays e-mail customers: every few seconds a new thread (some as HTML) or a nudge on an earlier one is delivered
/// into the support mailbox, and customers write back to the hub's answers they find in the SMTP relay's Maildir,
/// so threads grow in the console. An answer to a customer whose mailbox is gone comes back as a bounce.
/// </summary>
public sealed partial class EmailCustomerSimulator(
    IOptions<EmailSimulatorOptions> options,
    TimeProvider time,
    ILogger<EmailCustomerSimulator> logger) : BackgroundService
{
    private readonly List<(EmailCustomer Customer, string Subject, string MessageId)> _sent = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }
        var answers = new HubAnswers(settings.AnswersMaildir);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(0.1, settings.IntervalSeconds)), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var answer in answers.TakeNew())
                {
                    await AnswerAsync(settings, answer, stoppingToken);
                }
                await DeliverAsync(settings, NextMessage(settings), "new", stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }

    private async Task AnswerAsync(EmailSimulatorOptions settings, HubAnswer answer, CancellationToken cancellationToken)
    {
        if (answer.Customer.MailboxGone)
        {
            await AppendAsync(settings, BounceMail.For(answer, settings.SupportAddress, time.GetUtcNow()), "bounce", answer.Customer.Address, cancellationToken);
            return;
        }
        if (Random.Shared.NextDouble() >= settings.FollowUpRate)
        {
            return;
        }
        var reply = answer.Message;
        var text = CustomerMail.WithQuote(Pick(EmailCustomers.FollowUps), "Support", reply.TextBody.Trim());
        var references = reply.References.Append(reply.MessageId!).ToList();
        await DeliverAsync(settings, new CustomerMail.Draft(answer.Customer, settings.SupportAddress, CustomerMail.ReplySubject(reply.Subject), text, null, reply.MessageId, references), "follow-up", cancellationToken);
    }

    /// <summary>Mostly a new thread; sometimes an impatient nudge on the customer's own earlier message.</summary>
    private CustomerMail.Draft NextMessage(EmailSimulatorOptions settings)
    {
        if (_sent.Count > 0 && Random.Shared.NextDouble() < 0.25)
        {
            var earlier = _sent[Random.Shared.Next(_sent.Count)];
            return new CustomerMail.Draft(earlier.Customer, settings.SupportAddress, CustomerMail.ReplySubject(earlier.Subject), Pick(EmailCustomers.Nudges), null, earlier.MessageId, [earlier.MessageId]);
        }
        var customer = Pick(EmailCustomers.Pool);
        var opening = Pick(EmailCustomers.Openings);
        var signed = opening.Text + "\n" + customer.Name;
        var html = opening.Html is null ? null : opening.Html + $"<p>{System.Net.WebUtility.HtmlEncode(customer.Name)}</p>";
        return new CustomerMail.Draft(customer, settings.SupportAddress, opening.Subject, signed, html);
    }

    private async Task DeliverAsync(EmailSimulatorOptions settings, CustomerMail.Draft draft, string kind, CancellationToken cancellationToken)
    {
        var (content, messageId) = CustomerMail.Write(draft, time.GetUtcNow());
        if (await AppendAsync(settings, content, kind, draft.From.Address, cancellationToken) && draft.InReplyTo is null)
        {
            _sent.Add((draft.From, draft.Subject, messageId));
        }
    }

    private async Task<bool> AppendAsync(EmailSimulatorOptions settings, byte[] content, string kind, string customer, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(15));
            await ImapAppender.AppendAsync(settings, content, timeout.Token);
            LogDelivered(kind, customer);
            return true;
        }
        catch (Exception error) when (error is IOException or System.Net.Sockets.SocketException || (error is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogMailboxUnreachable(kind, customer, error.Message);
            return false;
        }
    }

    private static T Pick<T>(IReadOnlyList<T> items) => items[Random.Shared.Next(items.Count)];

    [LoggerMessage(EventId = 9211, Level = LogLevel.Information, Message = "Simulated customer e-mail ({Kind}) from {Customer} delivered to the support mailbox")]
    private partial void LogDelivered(string kind, string customer);

    [LoggerMessage(EventId = 9212, Level = LogLevel.Warning, Message = "Simulated customer e-mail ({Kind}) from {Customer} could not be delivered: {Reason}")]
    private partial void LogMailboxUnreachable(string kind, string customer, string reason);
}
