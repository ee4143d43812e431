namespace ContactHub.Channels.Email.Mime;

/// <summary>Gathers warnings while one message is read; capped so a hostile message cannot grow the list without bound.</summary>
internal sealed class WarningCollector
{
    private const int Cap = 200;
    private readonly List<MimeWarning> _warnings = [];

    public void Add(MimeWarningKind kind, string detail)
    {
        if (_warnings.Count < Cap)
            _warnings.Add(new MimeWarning(kind, detail));
    }

    public IReadOnlyList<MimeWarning> ToReadOnly() => _warnings.ToArray().AsReadOnly();
}
