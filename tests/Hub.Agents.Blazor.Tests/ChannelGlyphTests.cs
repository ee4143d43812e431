using ContactHub.Agents.Blazor.Channels;
using ContactHub.Core.Domain;

namespace ContactHub.Agents.Blazor.Tests;

public class ChannelGlyphTests
{
    [Fact]
    public void EveryChannelHasItsOwnLabelColourAndShape()
    {
        var glyphs = Enum.GetValues<ChannelKind>().Select(ChannelGlyph.For).ToList();

        Assert.Equal(glyphs.Count, glyphs.Select(g => g.Label).Distinct().Count());
        Assert.Equal(glyphs.Count, glyphs.Select(g => g.CssClass).Distinct().Count());
        Assert.Equal(glyphs.Count, glyphs.Select(g => g.Path).Distinct().Count());
        Assert.All(glyphs, g => Assert.False(string.IsNullOrWhiteSpace(g.Path)));
    }

    [Theory]
    [InlineData("phone", "Phone")]
    [InlineData("email", "E-mail")]
    [InlineData("whatsapp", "WhatsApp")]
    [InlineData("fax", "fax")]
    public void IdentityNamespacesReadAsChannelNames(string identityNamespace, string label) =>
        Assert.Equal(label, ChannelGlyph.IdentityLabel(identityNamespace));
}
