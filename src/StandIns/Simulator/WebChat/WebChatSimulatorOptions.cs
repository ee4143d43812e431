namespace ContactHub.StandIns.Simulator.WebChat;

/// <summary>Bound from <c>StandIn:Simulator:WebChat</c>: visitors chatting through the hub's web chat in the demo.</summary>
public sealed class WebChatSimulatorOptions
{
    public const string Section = "StandIn:Simulator:WebChat";

    public bool Enabled { get; set; }

    /// <summary>The hub's <c>WebChat:ChannelKey</c>, as the widget's script tag carries it.</summary>
    public string ChannelKey { get; set; } = "";

    /// <summary>A new visitor every this many seconds.</summary>
    public double IntervalSeconds { get; set; } = 45;

    /// <summary>How long a visitor stays on the page; at most this many chat at once.</summary>
    public int VisitSeconds { get; set; } = 240;

    public int MaxConcurrentVisitors { get; set; } = 3;
}
