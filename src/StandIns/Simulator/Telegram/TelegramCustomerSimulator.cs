using ContactHub.StandIns.Telegram;
using Microsoft.Extensions.Options;

namespace ContactHub.StandIns.Simulator.Telegram;

/// <summary>
/// Plays Telegram customers writing to the support bot through the stand-in, so the hub receives them as it would from
/// Telegram (by getUpdates in the demo): a first "/start" from a deep link, then questions, pictures, receipts, voice
/// notes, locations, now and then an edit of their last text, and customers who share their own phone number, which
/// an SMS customer also texts from.
/// </summary>
public sealed partial class TelegramCustomerSimulator(
    IOptions<TelegramSimulatorOptions> options,
    CustomerActions actions,
    TimeProvider time,
    ILogger<TelegramCustomerSimulator> logger) : BackgroundService
{
    private readonly HashSet<long> started = [];
    private readonly Dictionary<long, (long MessageId, string Text)> lastText = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(0.1, settings.IntervalSeconds)), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Act(TelegramCustomers.Pool[Random.Shared.Next(TelegramCustomers.Pool.Count)]);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }

    private void Act(TelegramCustomer customer)
    {
        var user = customer.User;
        if (started.Add(user.Id))
        {
            Send(customer, "start", new CustomerMessage(user) { Text = "/start " + Pick(TelegramCustomers.StartPayloads) }, remember: false);
            return;
        }
        var roll = Random.Shared.NextDouble();
        if (roll < 0.1 && lastText.TryGetValue(user.Id, out var last))
        {
            // Customers fix what they wrote rather than write it again: the console shows the new text, marked edited.
            var edited = actions.Edit(user.Id, last.MessageId, last.Text + " (order A-4521, sorry)");
            LogActed(user.Id, "edit", edited ?? 0);
            return;
        }
        var (kind, message) = roll switch
        {
            < 0.25 when customer.PhoneNumber is { } phone => ("contact", new CustomerMessage(user) { Contact = (phone, user.FirstName, user.LastName, true) }),
            < 0.35 => ("photo", new CustomerMessage(user) { Photo = DemoFiles.Picture((byte)Random.Shared.Next(256), 90, 60), Caption = "This is how the box arrived" }),
            < 0.42 => ("document", new CustomerMessage(user) { Document = (DemoFiles.Receipt("A-4521"), "receipt-A-4521.txt", "text/plain") }),
            < 0.48 => ("voice", new CustomerMessage(user) { Voice = (DemoFiles.VoiceNote(), 4) }),
            < 0.54 => ("location", new CustomerMessage(user) { Location = Pick(TelegramCustomers.Places) }),
            _ => ("text", new CustomerMessage(user) { Text = Pick(TelegramCustomers.Messages) }),
        };
        Send(customer, kind, message, remember: kind == "text");
    }

    private void Send(TelegramCustomer customer, string kind, CustomerMessage message, bool remember)
    {
        var (updateId, messageId) = actions.Send(message);
        if (remember && message.Text is { } text)
        {
            lastText[customer.User.Id] = (messageId, text);
        }
        LogActed(customer.User.Id, kind, updateId);
    }

    private static T Pick<T>(IReadOnlyList<T> items) => items[Random.Shared.Next(items.Count)];

    [LoggerMessage(EventId = 9411, Level = LogLevel.Information, Message = "Simulated Telegram customer {ChatId} sent a {Kind} (update {UpdateId})")]
    private partial void LogActed(long chatId, string kind, long updateId);
}
