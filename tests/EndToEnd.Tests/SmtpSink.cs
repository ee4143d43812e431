using System.Text;

namespace ContactHub.EndToEnd.Tests;

/// <summary>The test SMTP server that scripts/test.sh starts: its address, account, certificate and the Maildir it stores mail in.</summary>
public static class SmtpSink
{
    public static string Endpoint => Required("CONTACTHUB_TEST_SMTP");

    public static string User => Required("CONTACTHUB_TEST_SMTP_USER");

    public static string Password => Required("CONTACTHUB_TEST_SMTP_PASSWORD");

    public static string Maildir => Required("CONTACTHUB_TEST_SMTP_MAILDIR");

    public static string Certificate => Path.Combine(Path.GetDirectoryName(Maildir.TrimEnd('/'))!, "cert.pem");

    /// <summary>The first stored message that mentions <paramref name="recipient"/>, waiting up to <paramref name="timeout"/>.</summary>
    public static async Task<byte[]> WaitForMailToAsync(string recipient, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Maildir, "new")))
            {
                var bytes = await File.ReadAllBytesAsync(file);
                if (Encoding.UTF8.GetString(bytes).Contains(recipient, StringComparison.Ordinal))
                {
                    return bytes;
                }
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no mail to {recipient} reached the SMTP sink within {timeout}");
            }
            await Task.Delay(200);
        }
    }

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run through scripts/test.sh, which starts the SMTP sink.");
}
