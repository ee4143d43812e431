using ContactHub.Agents.Blazor.History;

namespace ContactHub.Agents.Blazor.Tests;

public class FileSizeTextTests
{
    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(613, "613 B")]
    [InlineData(1023, "1023 B")]
    [InlineData(1024, "1 KB")]
    [InlineData(4300, "4.2 KB")]
    [InlineData(150_000, "146 KB")]
    [InlineData(1_048_000, "1023 KB")]
    [InlineData(1_048_500, "1 MB")]
    [InlineData(15 * 1024 * 1024, "15 MB")]
    [InlineData(40_000_000, "38 MB")]
    [InlineData(3L * 1024 * 1024 * 1024, "3 GB")]
    public void SizesReadInTheLargestWholeUnit(long bytes, string text) => Assert.Equal(text, FileSizeText.Format(bytes));
}
