using ContactHub.Agents.Blazor.Offers;

namespace ContactHub.Agents.Blazor.Tests;

public class TextPreviewTests
{
    [Fact]
    public void LineBreaksAndRunsOfSpacesBecomeOneSpace() =>
        Assert.Equal("Hi there, my order", TextPreview.Of("Hi  there,\r\n\tmy order\n"));

    [Fact]
    public void LongTextIsCutWithAnEllipsis() =>
        Assert.Equal("abcde…", TextPreview.Of("abcde fghij", 6));

    [Fact]
    public void AnEmojiIsNeverCutInHalf()
    {
        var preview = TextPreview.Of("abcd😀efgh", 5);

        Assert.Equal("abcd…", preview);
    }

    [Fact]
    public void NoTextGivesAnEmptyPreview() => Assert.Equal("", TextPreview.Of(null));
}
