using System.Text;
using ContactHub.Channels.Email.Mime;

namespace ContactHub.Channels.Tests.Email;

/// <summary>Reads fixture files and hand-built messages; hand-built lines are joined with CRLF as on the wire.</summary>
public static class TestMail
{
    public static byte[] FixtureBytes(string fileName) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "email", fileName));

    public static MimeMessage Fixture(string fileName) => new MimeReader().Read(FixtureBytes(fileName));

    public static MimeMessage Read(params string[] lines) => Read(new MimeReaderOptions(), lines);

    public static MimeMessage Read(MimeReaderOptions options, params string[] lines) =>
        new MimeReader(options).Read(Encoding.UTF8.GetBytes(string.Join("\r\n", lines)));

    public static bool Has(this MimeMessage message, MimeWarningKind kind) => message.Warnings.Any(w => w.Kind == kind);
}
