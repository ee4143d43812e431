using System.Diagnostics;
using System.Text;

namespace ContactHub.EndToEnd.Tests;

/// <summary>The built hub running as its own process on a free loopback port, with its output kept for failure reports.</summary>
public sealed class HubProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _directory;

    private HubProcess(Process process, string baseUrl, string directory)
    {
        _process = process;
        BaseUrl = baseUrl;
        _directory = directory;
    }

    public string BaseUrl { get; }

    /// <summary>The hub's SQLite file, for checks of what was stored that the console does not show.</summary>
    public string StorePath => Path.Combine(_directory, "hub.db");

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<HubProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort.Next();
        var baseUrl = $"http://127.0.0.1:{port}";
        var directory = Path.Combine(Path.GetTempPath(), $"contacthub-e2e-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var start = new ProcessStartInfo(RepoPaths.HubExecutable)
        {
            WorkingDirectory = Path.GetDirectoryName(RepoPaths.HubExecutable)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = baseUrl;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Hub__PublicBaseUrl"] = baseUrl;
        start.Environment["ConnectionStrings__Store"] = Path.Combine(directory, "hub.db");
        start.Environment["DataProtection__KeysPath"] = Path.Combine(directory, "keys");
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("The hub did not start.");
        var hub = new HubProcess(process, baseUrl, directory);
        process.OutputDataReceived += (_, e) => hub.Append(e.Data);
        process.ErrorDataReceived += (_, e) => hub.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await hub.WaitUntilReadyAsync();
        }
        catch
        {
            // A hub that never became ready must not outlive the test that started it.
            await hub.DisposeAsync();
            throw;
        }
        return hub;
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The hub exited with {_process.ExitCode}:\n{Output}");
            }
            try
            {
                if ((await client.GetAsync(BaseUrl + "/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but still starting (a busy machine): one slow answer is not a failed start.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The hub was not ready within 60 s:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, exactly like a crashed node.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Temp files the OS still holds are harmless to the result.
        }
    }
}
