using System.Text;

namespace ContactHub.Channels.Email.Mime;

/// <summary>RFC 5322 address lists, pragmatically: "Name" &lt;a@b&gt;, a@b (Name), groups "team: a@b, c@d;",
/// quoted names with commas, nested comments. Group names are not kept; members join the flat list.</summary>
internal sealed class AddressParser
{
    private readonly string _text;
    private readonly WarningCollector _warnings;
    private readonly List<MimeMailbox> _result = [];
    private readonly List<string> _words = [];
    private readonly StringBuilder _word = new();
    private readonly StringBuilder _bare = new();
    private readonly StringBuilder _angle = new();
    private string? _comment;
    private bool _hadAngle;
    private bool _inGroup;
    private int _position;

    private AddressParser(string text, WarningCollector warnings)
    {
        _text = text;
        _warnings = warnings;
    }

    public static IReadOnlyList<MimeMailbox> Parse(string? raw, WarningCollector warnings)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return [];
        var parser = new AddressParser(raw, warnings);
        parser.Run();
        return parser._result.AsReadOnly();
    }

    private void Run()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            switch (c)
            {
                case '"':
                    EndWord();
                    var quoted = ReadQuoted();
                    _words.Add(quoted);
                    _bare.Append('"').Append(quoted).Append('"');
                    break;
                case '(':
                    EndWord();
                    _comment = ReadComment();
                    break;
                case '<':
                    EndWord();
                    ReadAngle();
                    break;
                case ',':
                    _position++;
                    Flush();
                    break;
                case ':' when !_inGroup && !_hadAngle && !_bare.ToString().Contains('@'):
                    // A group: the phrase so far is its name, which we do not keep.
                    _position++;
                    ResetItem();
                    _inGroup = true;
                    break;
                case ';' when _inGroup:
                    _position++;
                    Flush();
                    _inGroup = false;
                    break;
                default:
                    _position++;
                    if (char.IsWhiteSpace(c) || char.IsControl(c))
                    {
                        EndWord();
                        break;
                    }
                    _word.Append(c);
                    _bare.Append(c);
                    break;
            }
        }
        Flush();
    }

    private void Flush()
    {
        EndWord();
        var address = HeaderText.SingleLine(_hadAngle ? _angle.ToString() : _bare.ToString());
        // An obsolete source route "@relay1,@relay2:user@host" keeps only user@host.
        if (address.StartsWith('@') && address.Contains(':'))
            address = address[(address.IndexOf(':') + 1)..];
        var phrase = _hadAngle ? string.Join(' ', _words) : _comment ?? "";
        var display = HeaderText.Decode(phrase, _warnings);
        if (address.Length > 0 && (_hadAngle || address.Contains('@')))
            _result.Add(new MimeMailbox(display, address));
        else if (address.Length > 0 || display.Length > 0)
            _warnings.Add(MimeWarningKind.MalformedAddress, $"'{HeaderText.SingleLine(display.Length > 0 ? display : address)}' is not an address; skipped");
        ResetItem();
    }

    private void ResetItem()
    {
        _words.Clear();
        _word.Clear();
        _bare.Clear();
        _angle.Clear();
        _comment = null;
        _hadAngle = false;
    }

    private void EndWord()
    {
        if (_word.Length == 0)
            return;
        _words.Add(_word.ToString());
        _word.Clear();
    }

    private void ReadAngle()
    {
        _position++;
        _hadAngle = true;
        _angle.Clear();
        while (_position < _text.Length && _text[_position] != '>')
        {
            var c = _text[_position];
            if (c == '"')
            {
                _angle.Append('"').Append(ReadQuoted()).Append('"');
                continue;
            }
            if (!char.IsWhiteSpace(c))
                _angle.Append(c);
            _position++;
        }
        _position++;
    }

    private string ReadQuoted()
    {
        var builder = new StringBuilder();
        _position++;
        while (_position < _text.Length && _text[_position] != '"')
        {
            if (_text[_position] == '\\' && _position + 1 < _text.Length)
                _position++;
            builder.Append(_text[_position++]);
        }
        _position++;
        return builder.ToString();
    }

    private string ReadComment()
    {
        var builder = new StringBuilder();
        var depth = 0;
        while (_position < _text.Length)
        {
            var c = _text[_position++];
            if (c == '\\' && _position < _text.Length)
            {
                builder.Append(_text[_position++]);
                continue;
            }
            if (c == '(' && depth++ == 0)
                continue;
            if (c == ')' && --depth == 0)
                break;
            builder.Append(c);
        }
        return builder.ToString().Trim();
    }
}
