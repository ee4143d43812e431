namespace ContactHub.Channels.Email.Imap;

public enum ImapResponseKind
{
    /// <summary><c>* ...</c></summary>
    Untagged,

    /// <summary><c>TAG OK|NO|BAD ...</c></summary>
    Tagged,

    /// <summary><c>+ ...</c>: the server waits for more from the client.</summary>
    Continuation,
}

public enum ImapStatus
{
    Ok,
    No,
    Bad,
    Bye,
    PreAuth,
}

/// <summary>One complete server response: its line plus every literal it carries.</summary>
/// <param name="Kind">Untagged, tagged or continuation.</param>
/// <param name="Tag">The command tag of a tagged response.</param>
/// <param name="Number">The leading number of <c>* 41 EXISTS</c> or <c>* 41 FETCH (...)</c>.</param>
/// <param name="Name">Upper-cased response name: OK, NO, BAD, BYE, PREAUTH, EXISTS, FETCH, CAPABILITY, SEARCH...</param>
/// <param name="Status">Set for status responses (OK/NO/BAD/BYE/PREAUTH).</param>
/// <param name="Code">The bracketed response code of a status response, without brackets (e.g. <c>UIDVALIDITY 1773100000</c>).</param>
/// <param name="Text">Human-readable text of a status or continuation response.</param>
/// <param name="Values">The parsed items after the name of a data response.</param>
public sealed record ImapResponse(
    ImapResponseKind Kind,
    string? Tag,
    uint? Number,
    string Name,
    ImapStatus? Status,
    string? Code,
    string Text,
    IReadOnlyList<ImapValue> Values)
{
    /// <summary>The code's first word, upper-cased (UIDVALIDITY, CAPABILITY, READ-WRITE...).</summary>
    public string? CodeName => Code is null ? null : Code.Split(' ', 2)[0].ToUpperInvariant();

    /// <summary>What follows the code's first word (e.g. the number of <c>UIDNEXT 1044</c>).</summary>
    public string? CodeArgument => Code is null ? null : (Code.Split(' ', 2) is [_, var rest] ? rest : "");
}
