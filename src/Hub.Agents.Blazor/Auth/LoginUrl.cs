namespace ContactHub.Agents.Blazor.Auth;

/// <summary>Where to send someone who is not signed in, and where it is safe to send them back afterwards.</summary>
public static class LoginUrl
{
    public const string Path = "/login";

    /// <summary>The login page with the page the user asked for, as a base-relative path, carried in returnUrl.</summary>
    public static string For(string baseRelativePath)
    {
        var returnUrl = LocalReturnUrl("/" + baseRelativePath.TrimStart('/'));
        return returnUrl == "/" ? Path : $"{Path}?returnUrl={Uri.EscapeDataString(returnUrl)}";
    }

    /// <summary>
    /// Accepts only a path on this site. "//evil.example" and "/\evil.example" are protocol-relative to
    /// browsers, so an open redirect would hide behind them.
    /// </summary>
    public static string LocalReturnUrl(string? candidate)
    {
        if (string.IsNullOrEmpty(candidate) || candidate[0] != '/')
        {
            return "/";
        }
        if (candidate.Length > 1 && candidate[1] is '/' or '\\')
        {
            return "/";
        }
        return candidate.Any(char.IsControl) ? "/" : candidate;
    }
}
