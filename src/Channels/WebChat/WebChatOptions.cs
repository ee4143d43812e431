namespace ContactHub.Channels.WebChat;

/// <summary>
/// Bound from <c>WebChat</c>. The channel is on when <see cref="ChannelKey"/> is set. The key is not a secret (it is in
/// every page that embeds the widget): it names the channel, while the allowed origins keep other sites' pages from
/// talking to the hub and each visitor's signed token keeps visitors apart.
/// </summary>
public sealed class WebChatOptions
{
    public const string Section = "WebChat";

    /// <summary>The <c>data-channel-key</c> of the script tag.</summary>
    public string ChannelKey { get; set; } = "";

    /// <summary>Origins (scheme://host[:port]) whose pages may embed the widget; the hub's own origin always may (the demo page).</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Shown in the widget's header.</summary>
    public string CompanyName { get; set; } = "Support";

    /// <summary>How long a visitor keeps their conversation without coming back; each visit renews it.</summary>
    public TimeSpan VisitorTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    public int MaxMessageLength { get; set; } = 2000;

    public int MaxNameLength { get; set; } = 100;

    /// <summary>One uploaded file; the smaller of this and <c>Files:MaxFileBytes</c> applies.</summary>
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    public int MessagesPerMinute { get; set; } = 20;

    public int UploadsPerHour { get; set; } = 10;

    /// <summary>New sessions and left messages from one IP address per hour.</summary>
    public int SessionsPerHour { get; set; } = 10;

    /// <summary>Agent replies pushed to one visitor per second; more wait their turn in the outbox, in order.</summary>
    public int RepliesPerSecond { get; set; } = 5;
}
