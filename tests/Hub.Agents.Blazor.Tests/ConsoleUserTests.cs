using System.Security.Claims;
using ContactHub.Agents.Blazor.Auth;

namespace ContactHub.Agents.Blazor.Tests;

public class ConsoleUserTests
{
    private static ClaimsPrincipal Principal(params Claim[] claims) => new(new ClaimsIdentity(claims, "cookie"));

    [Fact]
    public void TheHostsClaimsBecomeTheAgent()
    {
        var user = ConsoleUser.From(Principal(
            new Claim(ClaimTypes.NameIdentifier, "42"),
            new Claim(ClaimTypes.Name, "ana"),
            new Claim("display_name", "Ana Lima"),
            new Claim(ClaimTypes.Role, "supervisor")));

        Assert.Equal(new ConsoleUser(42, "ana", "Ana Lima", "supervisor"), user);
    }

    [Fact]
    public void AMissingDisplayNameFallsBackToTheUserName() =>
        Assert.Equal("ana", ConsoleUser.From(Principal(new Claim(ClaimTypes.NameIdentifier, "1"), new Claim(ClaimTypes.Name, "ana")))!.DisplayName);

    [Theory]
    [InlineData("ana")]
    [InlineData("-3")]
    [InlineData("")]
    public void AUserWithoutANumericAgentIdIsNoAgent(string id) =>
        Assert.Null(ConsoleUser.From(Principal(new Claim(ClaimTypes.NameIdentifier, id))));

    [Theory]
    [InlineData("agent", false, false)]
    [InlineData("supervisor", true, false)]
    [InlineData("admin", true, true)]
    public void SupervisorsAndAdminsSuperviseAndOnlyAdminsAdminister(string role, bool supervises, bool administers)
    {
        var user = new ConsoleUser(1, "u", "U", role);
        Assert.Equal(supervises, user.CanSupervise);
        Assert.Equal(administers, user.IsAdmin);
    }
}
