namespace ContactHub.StandIns.Simulator.Telegram;

/// <summary>Bound from <c>StandIn:Simulator:Telegram</c>: customers writing to the support bot in the demo.</summary>
public sealed class TelegramSimulatorOptions
{
    public const string Section = "StandIn:Simulator:Telegram";

    public bool Enabled { get; set; }

    /// <summary>A customer action (a message, a picture, an edit...) every this many seconds.</summary>
    public double IntervalSeconds { get; set; } = 12;
}
