using ContactHub.Agents.Blazor.Auth;

namespace ContactHub.Agents.Blazor.Tests;

public class LoginUrlTests
{
    [Fact]
    public void TheConsoleRootNeedsNoReturnUrl() => Assert.Equal("/login", LoginUrl.For(""));

    [Fact]
    public void ADeepPageIsCarriedBackEscaped() =>
        Assert.Equal("/login?returnUrl=%2Fsupervisor%3Fqueue%3Dsales", LoginUrl.For("supervisor?queue=sales"));

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/ok\r\nSet-Cookie: x")]
    [InlineData("")]
    [InlineData(null)]
    public void AReturnUrlOffThisSiteFallsBackToTheRoot(string? candidate) =>
        Assert.Equal("/", LoginUrl.LocalReturnUrl(candidate));

    [Fact]
    public void ALocalPathIsKeptAsItIs() => Assert.Equal("/conversations?x=1", LoginUrl.LocalReturnUrl("/conversations?x=1"));
}
