using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using ContactHub.Server.Api;

namespace ContactHub.Server.Tests;

/// <summary>
/// A whole hub reading its own fresh folder of the real Dovecot mailbox and replying through the real SMTP server,
/// with the helpers the e-mail round-trip tests share: deliver a message, wait for the timeline or the sent reply.
/// </summary>
public abstract class RealMailboxHubTest : IDisposable
{
    protected RealMailboxHubTest(IReadOnlyDictionary<string, string>? extraSettings = null)
    {
        var imap = TestServers.Imap;
        var smtp = TestServers.Smtp;
        Doveadm(input: null, "mailbox", "create", "-u", imap.User, Folder);
        var settings = new Dictionary<string, string>
        {
            ["Email:Imap:Host"] = imap.Host,
            ["Email:Imap:Port"] = imap.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Imap:Security"] = "StartTls",
            ["Email:Imap:UserName"] = imap.User,
            ["Email:Imap:Password"] = imap.Password,
            ["Email:Imap:Folder"] = Folder,
            ["Email:Imap:TrustedCertificateFile"] = Path.Combine(Path.GetDirectoryName(imap.Config)!, "cert.pem"),
            ["Email:Smtp:Host"] = smtp.Host,
            ["Email:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "StartTls",
            ["Email:Smtp:UserName"] = smtp.User,
            ["Email:Smtp:Password"] = smtp.Password,
            ["Email:Smtp:From"] = "support@example.net",
            ["Email:Smtp:FromName"] = "Acme Support",
            ["Email:Smtp:TrustedCertificateFile"] = Path.Combine(Path.GetDirectoryName(smtp.Maildir.TrimEnd('/'))!, "cert.pem"),
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }
        Hub = new HubFactory(extraSettings: settings);
        Hub.CreateClient().Dispose();
    }

    protected string Folder { get; } = "Mail" + Guid.NewGuid().ToString("N")[..8];

    protected string Id { get; } = Guid.NewGuid().ToString("N")[..8];

    protected HubFactory Hub { get; }

    protected static async Task<byte[]> WaitForSentMailAsync(string recipient)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(TestServers.Smtp.Maildir, "new")))
            {
                var bytes = await File.ReadAllBytesAsync(file).WaitAsync(TestServers.Timeout);
                if (Encoding.UTF8.GetString(bytes).Contains(recipient, StringComparison.Ordinal))
                {
                    return bytes;
                }
            }
            Assert.True(DateTime.UtcNow < deadline, $"no reply to {recipient} reached the SMTP server");
            await Task.Delay(200);
        }
    }

    protected async Task<List<InteractionDto>> WaitForTimelineAsync(string address, Func<List<InteractionDto>, bool> done)
    {
        var api = Hub.CreateApiClient();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var seen = "no contact";
        while (true)
        {
            var contacts = await api.GetFromJsonAsync<List<ContactSummary>>($"/api/contacts?q={Uri.EscapeDataString(address)}").WaitAsync(TestServers.Timeout);
            if (contacts is [var contact])
            {
                var timeline = (await api.GetFromJsonAsync<List<InteractionDto>>($"/api/contacts/{contact.Id}/timeline").WaitAsync(TestServers.Timeout))!;
                if (done(timeline))
                {
                    return timeline;
                }
                seen = string.Join(", ", timeline.Select(i => $"{i.Direction} {i.Status}"));
            }
            Assert.True(DateTime.UtcNow < deadline, $"the timeline of {address} did not reach the expected state; last seen: {seen}");
            await Task.Delay(200);
        }
    }

    protected void Deliver(string message) => Doveadm(input: message, "save", "-u", TestServers.Imap.User, "-m", Folder);

    protected static void Doveadm(string? input, params string[] arguments)
    {
        var start = new ProcessStartInfo("doveadm") { RedirectStandardInput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(TestServers.Imap.Config);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            process.StandardInput.Write(input);
        }
        process.StandardInput.Close();
        process.WaitForExit(10_000);
        Assert.True(process.ExitCode == 0, $"doveadm {string.Join(' ', arguments)} failed: {process.StandardError.ReadToEnd()}");
    }

    public void Dispose()
    {
        Hub.Dispose();
        GC.SuppressFinalize(this);
    }
}
