using System.Text;

namespace ContactHub.Channels.Tests.Email.Imap;

/// <summary>Splits the shared transcript fixture into the server's bytes and the client's lines (prefixes are not on the wire).</summary>
public sealed record ImapTranscript(byte[] Server, IReadOnlyList<string> Client)
{
    public static ImapTranscript Load()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "email", "imap_session_transcript.txt"), Encoding.ASCII);
        var lines = text.Split("\r\n").ToList();
        if (lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var server = new StringBuilder();
        var client = new List<string>();
        foreach (var line in lines)
        {
            if (line.StartsWith("C: ", StringComparison.Ordinal))
            {
                client.Add(line[3..]);
            }
            else if (line.StartsWith("S: ", StringComparison.Ordinal))
            {
                server.Append(line[3..]).Append("\r\n");
            }
            else if (!line.StartsWith('#'))
            {
                server.Append(line).Append("\r\n"); // a line of the BODY[] literal
            }
        }

        return new ImapTranscript(Encoding.ASCII.GetBytes(server.ToString()), client);
    }
}
