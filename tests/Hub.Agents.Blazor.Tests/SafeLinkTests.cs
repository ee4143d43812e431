using ContactHub.Agents.Blazor.History;

namespace ContactHub.Agents.Blazor.Tests;

public class SafeLinkTests
{
    [Theory]
    [InlineData("https://media.example/a.jpg", "https://media.example/a.jpg")]
    [InlineData("http://media.example/a b.jpg", "http://media.example/a%20b.jpg")]
    [InlineData("/attachments/12", "/attachments/12")]
    public void WebLinksAndLocalPathsBecomeLinks(string url, string href) => Assert.Equal(href, SafeLink.Href(url));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData(" JavaScript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("//evil.example/x")]
    [InlineData("file:///etc/passwd")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("")]
    public void AnythingElseIsShownAsTextOnly(string url) => Assert.Null(SafeLink.Href(url));

    [Fact]
    public void TheFileNameIsPreferredThenTheLastPathSegment()
    {
        Assert.Equal("invoice.pdf", SafeLink.Label("invoice.pdf", "https://x.example/1"));
        Assert.Equal("photo 1.jpg", SafeLink.Label(null, "https://x.example/media/photo%201.jpg"));
        Assert.Equal("attachment", SafeLink.Label(null, "not a url"));
    }
}
