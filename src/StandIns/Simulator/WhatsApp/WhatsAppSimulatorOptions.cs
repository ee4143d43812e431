namespace ContactHub.StandIns.Simulator.WhatsApp;

/// <summary>Bound from <c>StandIn:Simulator:WhatsApp</c>: customers writing to the business number on WhatsApp in the demo.</summary>
public sealed class WhatsAppSimulatorOptions
{
    public const string Section = "StandIn:Simulator:WhatsApp";

    public bool Enabled { get; set; }

    /// <summary>A new WhatsApp message every this many seconds.</summary>
    public double IntervalSeconds { get; set; } = 20;
}
