using System.Text;

namespace ContactHub.Channels.Email.Mime;

/// <summary>Walks "value; a=b; c="quoted \"x\"" (comment)" leniently: unquoted values may contain blanks, a missing closing quote ends at the end.</summary>
internal sealed class ParameterScanner(string text)
{
    private int _position;

    public string ReadMainValue()
    {
        var builder = new StringBuilder();
        while (_position < text.Length && text[_position] != ';')
        {
            if (text[_position] == '(')
                SkipComment();
            else if (text[_position] == '"')
                builder.Append(ReadQuoted());
            else
                builder.Append(text[_position++]);
        }
        return builder.ToString().Trim();
    }

    public bool TryReadParameter(out string name, out string value)
    {
        name = "";
        value = "";
        while (_position < text.Length)
        {
            SkipBlanksCommentsAndSemicolons();
            var nameStart = _position;
            while (_position < text.Length && text[_position] is not ('=' or ';'))
                _position++;
            if (_position >= text.Length || text[_position] == ';')
                continue;
            name = text[nameStart.._position].Trim().ToLowerInvariant();
            _position++;
            value = ReadValue();
            if (name.Length > 0)
                return true;
        }
        return false;
    }

    private string ReadValue()
    {
        while (_position < text.Length && text[_position] is ' ' or '\t')
            _position++;
        if (_position < text.Length && text[_position] == '"')
        {
            var quoted = ReadQuoted();
            while (_position < text.Length && text[_position] != ';')
                _position++;
            return quoted;
        }
        var builder = new StringBuilder();
        while (_position < text.Length && text[_position] != ';')
        {
            if (text[_position] == '(')
                SkipComment();
            else
                builder.Append(text[_position++]);
        }
        return builder.ToString().Trim();
    }

    private string ReadQuoted()
    {
        var builder = new StringBuilder();
        _position++;
        while (_position < text.Length && text[_position] != '"')
        {
            if (text[_position] == '\\' && _position + 1 < text.Length)
                _position++;
            builder.Append(text[_position++]);
        }
        _position++;
        return builder.ToString();
    }

    private void SkipComment()
    {
        var depth = 0;
        while (_position < text.Length)
        {
            var c = text[_position++];
            if (c == '\\')
                _position++;
            else if (c == '(')
                depth++;
            else if (c == ')' && --depth == 0)
                return;
        }
    }

    private void SkipBlanksCommentsAndSemicolons()
    {
        while (_position < text.Length)
        {
            var c = text[_position];
            if (c == '(')
                SkipComment();
            else if (c is ' ' or '\t' or ';')
                _position++;
            else
                return;
        }
    }
}
