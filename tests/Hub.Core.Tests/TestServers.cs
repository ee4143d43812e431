namespace ContactHub.Core.Tests;

/// <summary>
/// Where the real servers the test command started listen. A missing variable is a broken test
/// environment, so it fails loudly instead of skipping.
/// </summary>
public static class TestServers
{
    public static string Postgres => Required("CONTACTHUB_TEST_POSTGRES");

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run the tests through scripts/test.sh, which starts the servers.");
}
