namespace ContactHub.Core.Users;

public static class Roles
{
    public const string Agent = "agent";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Agent, Supervisor, Admin];
}

/// <summary>A console user. Every user is also an agent the router can offer work to.</summary>
public sealed record UserAccount(long Id, string UserName, string DisplayName, string Role, string PasswordHash);
