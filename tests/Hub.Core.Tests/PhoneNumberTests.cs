using ContactHub.Core.Domain;

namespace ContactHub.Core.Tests;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("+15555550123", "+15555550123")]
    [InlineData("(555) 555-0123", "+15555550123")]
    [InlineData("1-555-555-0123", "+15555550123")]
    [InlineData("0044 7700 900123", "+447700900123")]
    [InlineData("+44 7700 900123", "+447700900123")]
    public void NumbersTypedAnyWayNormaliseToE164(string typed, string expected)
    {
        Assert.True(PhoneNumber.TryNormalize(typed, out var e164));
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("")]
    [InlineData("client:alice")]
    [InlineData("anonymous")]
    [InlineData("12345")]
    [InlineData("+0123456789")]
    [InlineData("+1234567890123456")]
    public void ThingsThatAreNotPhoneNumbersAreRefused(string typed) => Assert.False(PhoneNumber.TryNormalize(typed, out _));
}
