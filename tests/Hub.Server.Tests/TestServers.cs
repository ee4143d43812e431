namespace ContactHub.Server.Tests;

/// <summary>Real servers started by scripts/test.sh. A missing variable fails the test: servers are installed, never skipped.</summary>
public static class TestServers
{
    public static string Redis => Required("CONTACTHUB_TEST_REDIS");

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run the tests through scripts/test.sh, which starts the servers.");

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
}
