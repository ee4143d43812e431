using System.Diagnostics;

namespace ContactHub.EndToEnd.Tests;

/// <summary>The test Dovecot that scripts/test.sh starts: its address, account, and doveadm for delivering mail.</summary>
public static class Dovecot
{
    public static string Endpoint => Required("CONTACTHUB_TEST_IMAP");

    public static string User => Required("CONTACTHUB_TEST_IMAP_USER");

    public static string Password => Required("CONTACTHUB_TEST_IMAP_PASSWORD");

    public static string Config => Required("CONTACTHUB_TEST_DOVECOT_CONF");

    public static string Certificate => Path.Combine(Path.GetDirectoryName(Config)!, "cert.pem");

    public static void CreateFolder(string folder) => Doveadm(null, "mailbox", "create", "-u", User, folder);

    /// <summary>Creates <paramref name="folder"/> and points a hub's IMAP ingest at it, over STARTTLS with the test certificate.</summary>
    public static void WatchFolder(Dictionary<string, string> settings, string folder)
    {
        CreateFolder(folder);
        var endpoint = Endpoint.Split(':');
        settings["Email:Imap:Host"] = endpoint[0];
        settings["Email:Imap:Port"] = endpoint[1];
        settings["Email:Imap:Security"] = "StartTls";
        settings["Email:Imap:UserName"] = User;
        settings["Email:Imap:Password"] = Password;
        settings["Email:Imap:Folder"] = folder;
        settings["Email:Imap:TrustedCertificateFile"] = Certificate;
    }

    public static void Deliver(string folder, string message) => Doveadm(message, "save", "-u", User, "-m", folder);

    private static void Doveadm(string? input, params string[] arguments)
    {
        var start = new ProcessStartInfo("doveadm") { RedirectStandardInput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Config);
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
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"doveadm {string.Join(' ', arguments)} failed: {process.StandardError.ReadToEnd()}");
        }
    }

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run through scripts/test.sh, which starts Dovecot.");
}
