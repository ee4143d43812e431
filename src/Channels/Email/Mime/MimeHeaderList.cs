using System.Collections;

namespace ContactHub.Channels.Email.Mime;

/// <summary>Header fields in their original order; a name may repeat (Received, Comments...).</summary>
public sealed class MimeHeaderList : IReadOnlyList<MimeHeader>
{
    public static readonly MimeHeaderList Empty = new([]);

    private readonly MimeHeader[] _headers;

    internal MimeHeaderList(MimeHeader[] headers) => _headers = headers;

    public int Count => _headers.Length;

    public MimeHeader this[int index] => _headers[index];

    /// <summary>The first field with this name, as RFC 5322 fields that may occur once are read by their first occurrence.</summary>
    public MimeHeader? Find(string name) =>
        Array.Find(_headers, h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<MimeHeader> FindAll(string name) =>
        _headers.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));

    public IEnumerator<MimeHeader> GetEnumerator() => ((IEnumerable<MimeHeader>)_headers).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
