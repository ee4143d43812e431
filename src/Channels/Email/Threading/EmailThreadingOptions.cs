namespace ContactHub.Channels.Email.Threading;

/// <summary>Bound from <c>Email:Threading</c>: how replies carry the conversation token that threads a customer's answer.</summary>
public sealed class EmailThreadingOptions
{
    public const int MinTokenKeyLength = 32;

    /// <summary>
    /// The secret that signs conversation tokens (at least 32 characters); every node needs the same one. Empty = a
    /// random key the hub creates once and keeps in its store, which is just as good unless tokens must survive a new store.
    /// </summary>
    public string TokenKey { get; set; } = "";

    /// <summary>
    /// Also put the token in a plus-address Reply-To (support+ch1234-k7f2q9ab@example.com). Off by default: only turn
    /// it on when the mail server delivers plus-addresses to the base mailbox, or customers' answers bounce.
    /// </summary>
    public bool PlusAddressReplyTo { get; set; }
}
