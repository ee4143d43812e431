using ContactHub.Core.Domain;

namespace ContactHub.Core.Tests;

public sealed class SmsSegmentsTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    [InlineData(1600, 11)]
    public void PlainTextFits160SeptetsThen153PerPart(int length, int segments) =>
        Assert.Equal(segments, SmsSegments.Count(new string('a', length)));

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void AnyCharacterOutsideGsm7MakesTheWholeTextUcs2(int length, int segments) =>
        Assert.Equal(segments, SmsSegments.Count("ł" + new string('a', length - 1)));

    [Fact]
    public void AnEmojiTakesTwoUtf16UnitsAsOnAHandset()
    {
        var measured = SmsSegments.Measure("Thanks 😞");

        Assert.False(measured.IsGsm7);
        Assert.Equal(9, measured.Units);
    }

    [Fact]
    public void ExtensionTableCharactersCostTwoSeptets()
    {
        // 158 plain + one € (2 septets) = 160: still one segment; one more € tips it over.
        Assert.Equal(1, SmsSegments.Count(new string('a', 158) + "€"));
        Assert.Equal(2, SmsSegments.Count(new string('a', 158) + "€€"));
        Assert.True(SmsSegments.Measure("{[~]}").IsGsm7);
        Assert.Equal(10, SmsSegments.Measure("{[~]}").Units);
    }

    [Fact]
    public void AnAcuteAccentOutsideTheGsmSetMakesItUcs2() => Assert.False(SmsSegments.Measure("¿Sí?").IsGsm7);

    [Fact]
    public void AccentedLettersOfTheGsmSetStayGsm7() =>
        Assert.True(SmsSegments.Measure("Café à Ødegaard, ñ? ¿Sì! £5 @ 10¥").IsGsm7);
}
