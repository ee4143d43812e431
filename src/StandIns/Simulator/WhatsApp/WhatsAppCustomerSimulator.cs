using ContactHub.StandIns.WhatsApp;
using Microsoft.Extensions.Options;

namespace ContactHub.StandIns.Simulator.WhatsApp;

/// <summary>
/// Plays customers on WhatsApp: now and then one writes through the Graph stand-in, which posts the signed webhook to
/// the hub and opens their 24-hour window. Some share a number with an SMS customer of <see cref="Customers.Pool"/>, so
/// their texts and WhatsApp messages land on one timeline; one last wrote two days ago, so the demo shows a closed window.
/// </summary>
public sealed partial class WhatsAppCustomerSimulator(
    IOptions<WhatsAppSimulatorOptions> options,
    WhatsAppCustomers customers,
    TimeProvider time,
    ILogger<WhatsAppCustomerSimulator> logger) : BackgroundService
{
    /// <summary>The first two are also SMS customers of the simulator (same number, one contact).</summary>
    public static readonly IReadOnlyList<(string WaId, string Name)> Pool =
    [
        ("15555550123", "Zoë Martín"),
        ("15555550145", "Jordan Reyes"),
        ("15555550190", "Priya Natarajan"),
        ("15555550191", "Tomás Oliveira"),
    ];

    /// <summary>Wrote two days ago and never since: outside the window, so an agent sees the template-only reply box.</summary>
    public const string LapsedCustomer = "15555550192";

    private static readonly string[] Messages =
    [
        "Hola, ¿dónde está mi pedido A-4521? 🙏",
        "Hi! Is my refund on its way?",
        "Can I change my delivery slot to tomorrow morning?",
        "The app keeps logging me out, any idea why?",
        "Thanks for the quick help earlier 👍",
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var simulator = options.Value;
        if (!simulator.Enabled)
        {
            return;
        }
        try
        {
            // Delay the first so the hub is up; the lapsed customer writes once, back-dated past the 24 hours.
            await Task.Delay(TimeSpan.FromSeconds(3), time, stoppingToken);
            await WriteAsync(LapsedCustomer, new CustomerMessage("Is the warranty still valid on my blender?", "Lee Chen", "text", HoursAgo: 50), stoppingToken);
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(0.1, simulator.IntervalSeconds)), time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var (waId, name) = Pool[Random.Shared.Next(Pool.Count)];
                var roll = Random.Shared.NextDouble();
                var message = roll switch
                {
                    < 0.15 => new CustomerMessage("Photo of the damaged box", name, "image", null),
                    < 0.25 => new CustomerMessage(null, name, "location", null),
                    _ => new CustomerMessage(Messages[Random.Shared.Next(Messages.Length)], name, "text", null),
                };
                await WriteAsync(waId, message, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }

    private async Task WriteAsync(string waId, CustomerMessage message, CancellationToken cancellationToken)
    {
        var written = await customers.WriteAsync(waId, message, cancellationToken);
        LogWritten(waId, message.Type ?? "text", written.HubStatus);
    }

    [LoggerMessage(EventId = 9401, Level = LogLevel.Information, Message = "Simulated WhatsApp customer {WaId} sent a {Type} message; the hub answered {StatusCode}")]
    private partial void LogWritten(string waId, string type, int? statusCode);
}
