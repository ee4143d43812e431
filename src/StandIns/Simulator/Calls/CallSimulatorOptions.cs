namespace ContactHub.StandIns.Simulator.Calls;

/// <summary>Bound from <c>StandIn:Simulator:Calls</c>: customers phoning the support number in the demo.</summary>
public sealed class CallSimulatorOptions
{
    public const string Section = "StandIn:Simulator:Calls";

    public bool Enabled { get; set; }

    /// <summary>A new caller every this many seconds.</summary>
    public double IntervalSeconds { get; set; } = 40;

    /// <summary>How long a caller holds before giving up (each caller's patience is drawn up to this).</summary>
    public int MaxPatienceSeconds { get; set; } = 150;
}
