using System.Text;

namespace ContactHub.Channels.Email.Imap;

public enum ImapValueKind
{
    Atom,
    QuotedString,
    Literal,
    List,
    Nil,
}

/// <summary>One parsed item of an IMAP response: an atom, a quoted string, a literal, a parenthesised list or NIL.</summary>
public sealed class ImapValue
{
    private static readonly IReadOnlyList<ImapValue> NoItems = [];

    private ImapValue(ImapValueKind kind, string? text, byte[]? bytes, IReadOnlyList<ImapValue>? items)
    {
        Kind = kind;
        Text = text;
        Bytes = bytes;
        Items = items ?? NoItems;
    }

    public static ImapValue Nil { get; } = new(ImapValueKind.Nil, null, null, null);

    public ImapValueKind Kind { get; }

    /// <summary>The atom or quoted string; null for literals, lists and NIL.</summary>
    public string? Text { get; }

    /// <summary>The exact octets of a literal.</summary>
    public byte[]? Bytes { get; }

    public IReadOnlyList<ImapValue> Items { get; }

    public static ImapValue Atom(string text) => new(ImapValueKind.Atom, text, null, null);

    public static ImapValue Quoted(string text) => new(ImapValueKind.QuotedString, text, null, null);

    public static ImapValue Literal(byte[] bytes) => new(ImapValueKind.Literal, null, bytes, null);

    public static ImapValue List(IReadOnlyList<ImapValue> items) => new(ImapValueKind.List, null, null, items);

    /// <summary>Atom, quoted string or literal (decoded as UTF-8) as text; null for NIL and lists.</summary>
    public string? AsString() => Kind switch
    {
        ImapValueKind.Atom or ImapValueKind.QuotedString => Text,
        ImapValueKind.Literal => Encoding.UTF8.GetString(Bytes!),
        _ => null,
    };

    /// <summary>Literal octets, or the quoted string's octets (a server may send a small body quoted); null for NIL.</summary>
    public byte[]? AsBytes() => Kind switch
    {
        ImapValueKind.Literal => Bytes,
        ImapValueKind.QuotedString or ImapValueKind.Atom => Encoding.UTF8.GetBytes(Text!),
        _ => null,
    };

    public bool TryGetNumber(out uint number)
    {
        number = 0;
        return Kind == ImapValueKind.Atom && uint.TryParse(Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number);
    }

    public override string ToString() => Kind switch
    {
        ImapValueKind.Nil => "NIL",
        ImapValueKind.Atom => Text!,
        ImapValueKind.QuotedString => "\"" + Text + "\"",
        ImapValueKind.Literal => "{" + Bytes!.Length + "}",
        _ => "(" + string.Join(' ', Items) + ")",
    };
}
