namespace ContactHub.Server.Security;

/// <summary>One REST API bearer token from configuration (Api:Tokens:N:*).</summary>
public sealed class ApiToken
{
    public string Name { get; set; } = "";
    public string Token { get; set; } = "";
    public string Role { get; set; } = "";
}

public sealed class ApiTokenOptions
{
    public List<ApiToken> Tokens { get; set; } = [];
}
