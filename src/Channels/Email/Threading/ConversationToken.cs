namespace ContactHub.Channels.Email.Threading;

/// <summary>
/// Names a conversation in mail we send, so an answer that lost its In-Reply-To and References (a client that drops
/// them, a customer who starts a new mail and pastes the subject) still finds its conversation.
/// </summary>
/// <param name="Signature">A short MAC of the id; see <see cref="ConversationTokens"/> for why.</param>
public readonly record struct ConversationToken(long ConversationId, string Signature)
{
    /// <summary>The form in a subject, e.g. "[#CH-1234-k7f2q9ab]".</summary>
    public string SubjectTag => $"[#CH-{ConversationId}-{Signature}]";

    /// <summary>The form after the '+' of a plus-address, e.g. "ch1234-k7f2q9ab".</summary>
    public string PlusTag => $"ch{ConversationId}-{Signature}";
}
