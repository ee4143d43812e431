namespace ContactHub.Core;

/// <summary>Bound from <c>Hub</c>.</summary>
public sealed class HubOptions
{
    /// <summary>The URL providers call. Signature checks and callback URLs are built from it, never from the request's Host header.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Joins <see cref="PublicBaseUrl"/> and a path without doubling or dropping the slash.</summary>
    public string PublicUrl(string pathAndQuery) => PublicBaseUrl.TrimEnd('/') + "/" + pathAndQuery.TrimStart('/');
}
