using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace ContactHub.Channels.Email.Imap;

/// <summary>Authentication and mailbox commands: LOGIN, AUTHENTICATE, SELECT, UID SEARCH, UID FETCH, UID STORE.</summary>
public sealed partial class ImapClient
{
    public Task CapabilityAsync(CancellationToken cancellationToken) =>
        RunAsync("CAPABILITY", ["CAPABILITY"], r =>
        {
            if (r.Name == "CAPABILITY")
            {
                capabilities = new HashSet<string>(r.Values.Select(v => v.AsString() ?? ""), StringComparer.OrdinalIgnoreCase);
            }
        }, cancellationToken);

    /// <summary>LOGIN user password (quoted, or as literals when they hold characters a quoted string cannot carry).</summary>
    public async Task LoginAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var done = await RunAsync("LOGIN", ["LOGIN ", AString(userName), " ", AString(password)], null, cancellationToken);
        await AfterAuthenticationAsync(done, cancellationToken);
    }

    /// <summary>AUTHENTICATE PLAIN, with the initial response on the command line when the server offers SASL-IR.</summary>
    public async Task AuthenticatePlainAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var response = Convert.ToBase64String(Encoding.UTF8.GetBytes("\0" + userName + "\0" + password));
        ImapResponse done;
        if (HasCapability("SASL-IR"))
        {
            done = await RunAsync("AUTHENTICATE", ["AUTHENTICATE PLAIN " + response], null, cancellationToken);
        }
        else
        {
            done = await RunAsync("AUTHENTICATE", ["AUTHENTICATE PLAIN", new Continuation(response)], null, cancellationToken);
        }

        await AfterAuthenticationAsync(done, cancellationToken);
    }

    private async Task AfterAuthenticationAsync(ImapResponse done, CancellationToken cancellationToken)
    {
        // Capabilities change after login; Dovecot sends them in the OK, others need asking.
        if (!ApplyCapabilityCode(done))
        {
            await CapabilityAsync(cancellationToken);
        }
    }

    public async Task<ImapMailboxStatus> SelectAsync(string folder, CancellationToken cancellationToken)
    {
        selected = null;
        uint uidValidity = 0, uidNext = 0, exists = 0;
        var done = await RunAsync("SELECT", ["SELECT ", AString(EncodeMailboxName(folder))], r =>
        {
            if (r.Name == "EXISTS" && r.Number is { } n)
            {
                exists = n;
            }
            else if (r.CodeName == "UIDVALIDITY")
            {
                uidValidity = ParseNumber(r.CodeArgument);
            }
            else if (r.CodeName == "UIDNEXT")
            {
                uidNext = ParseNumber(r.CodeArgument);
            }
        }, cancellationToken);
        if (uidValidity == 0)
        {
            throw new ImapProtocolException($"SELECT {folder} reported no UIDVALIDITY.");
        }

        selected = new ImapMailboxStatus(folder, uidValidity, uidNext, exists, done.CodeName == "READ-ONLY");
        return selected;
    }

    public Task CreateAsync(string folder, CancellationToken cancellationToken) =>
        RunAsync("CREATE", ["CREATE ", AString(EncodeMailboxName(folder))], null, cancellationToken);

    public Task DeleteAsync(string folder, CancellationToken cancellationToken) =>
        RunAsync("DELETE", ["DELETE ", AString(EncodeMailboxName(folder))], null, cancellationToken);

    /// <summary>UIDs &gt;= <paramref name="fromUid"/> in ascending order (<c>UID SEARCH UID n:*</c>, minus the highest UID that <c>n:*</c> always matches).</summary>
    public async Task<IReadOnlyList<uint>> UidSearchFromAsync(uint fromUid, CancellationToken cancellationToken)
    {
        fromUid = Math.Max(fromUid, 1);
        var uids = new List<uint>();
        await RunAsync("UID SEARCH", [$"UID SEARCH UID {fromUid}:*"], r =>
        {
            if (r.Name == "SEARCH")
            {
                foreach (var value in r.Values)
                {
                    if (value.TryGetNumber(out var uid) && uid >= fromUid)
                    {
                        uids.Add(uid);
                    }
                }
            }
        }, cancellationToken);
        uids.Sort();
        return uids.Distinct().ToList();
    }

    /// <summary><c>UID FETCH uid (UID FLAGS BODY.PEEK[])</c>; null when the message no longer exists. PEEK leaves \Seen alone.</summary>
    public async Task<ImapFetchedMessage?> UidFetchAsync(uint uid, CancellationToken cancellationToken)
    {
        var mailbox = selected ?? throw new InvalidOperationException("SELECT a mailbox before fetching.");
        ImapFetchedMessage? message = null;
        await RunAsync("UID FETCH", [$"UID FETCH {uid} (UID FLAGS BODY.PEEK[])"], r =>
        {
            if (r.Name == "FETCH" && r.Values is [{ Kind: ImapValueKind.List } items, ..] && ParseFetch(items.Items, mailbox.UidValidity) is { } m && m.Uid == uid)
            {
                message = m;
            }
        }, cancellationToken);
        return message;
    }

    /// <summary>Parses FETCH items in whatever order the server sent them; null unless UID and BODY[] are both present.</summary>
    public static ImapFetchedMessage? ParseFetch(IReadOnlyList<ImapValue> items, uint uidValidity)
    {
        uint? uid = null;
        byte[]? body = null;
        IReadOnlyList<string> flags = [];
        for (var i = 0; i + 1 < items.Count; i += 2)
        {
            var name = items[i].AsString()?.ToUpperInvariant();
            var value = items[i + 1];
            switch (name)
            {
                case "UID" when value.TryGetNumber(out var n):
                    uid = n;
                    break;
                case "FLAGS":
                    flags = value.Items.Select(f => f.AsString() ?? "").ToList();
                    break;
                case "BODY[]" or "RFC822":
                    body = value.AsBytes();
                    break;
            }
        }

        return uid is { } u && body is not null ? new ImapFetchedMessage(u, uidValidity, flags, body) : null;
    }

    /// <summary><c>UID STORE uid +FLAGS.SILENT (flags)</c>, e.g. a keyword such as <c>$ContactHubProcessed</c> or <c>\Seen</c>.</summary>
    public Task UidAddFlagsAsync(uint uid, IEnumerable<string> flags, CancellationToken cancellationToken)
    {
        var list = flags.ToList();
        foreach (var flag in list)
        {
            if (!IsValidFlag(flag))
            {
                throw new ArgumentException($"'{flag}' is not a valid IMAP flag or keyword.", nameof(flags));
            }
        }

        return RunAsync("UID STORE", [$"UID STORE {uid} +FLAGS.SILENT ({string.Join(' ', list)})"], null, cancellationToken);
    }

    public static bool IsValidFlag(string flag)
    {
        var body = flag.StartsWith('\\') ? flag[1..] : flag;
        return body.Length > 0 && body.All(c => c > ' ' && c < 127 && "(){%*\"\\]".IndexOf(c) < 0);
    }

    public Task NoopAsync(CancellationToken cancellationToken) => RunAsync("NOOP", ["NOOP"], null, cancellationToken);
}
