using ContactHub.Core.Domain;
using ContactHub.Core.Outbound;
using ContactHub.Core.Services;

namespace ContactHub.Core.Tests;

/// <summary>The window's words for the agent, and the templates' {{n}} parameters.</summary>
public sealed class ServiceWindowTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TwentySixHoursOfSilenceClosesTheWindowAndSaysSo()
    {
        var state = CustomerServiceWindows.Evaluate(ChannelKind.WhatsApp, CustomerServiceWindows.WhatsAppWindow, Now.AddHours(-26).AddMinutes(-20), Now);

        Assert.Equal((false, "The customer last wrote 26 h ago; WhatsApp allows only approved templates outside 24 h."), (state.IsOpen, state.Reason));
    }

    [Fact]
    public void ACustomerWhoNeverWroteOnWhatsAppCanOnlyBeSentATemplate()
    {
        var state = CustomerServiceWindows.Evaluate(ChannelKind.WhatsApp, CustomerServiceWindows.WhatsAppWindow, null, Now);

        Assert.Equal((false, "The customer has not written on WhatsApp yet; WhatsApp allows only approved templates until they do."), (state.IsOpen, state.Reason));
    }

    [Fact]
    public void OnlyWhatsAppHasAWindow()
    {
        Assert.Equal([ChannelKind.WhatsApp], Enum.GetValues<ChannelKind>().Where(c => CustomerServiceWindows.WindowOf(c) is not null));
    }

    [Fact]
    public void ATemplateRendersEachNumberedParameterAndCountsTheHighest()
    {
        var template = new MessageTemplate("ticket_update", "en_US", "Ticket {{1}}: {{2}}. Again {{1}}, and {{ 3 }}.");

        Assert.Equal(3, template.ParameterCount);
        Assert.Equal("Ticket #7: shipped. Again #7, and soon.", template.Render(["#7", "shipped", "soon"]));
    }

    [Fact]
    public void ATemplateWithoutParametersNeedsNone()
    {
        Assert.Equal(0, new MessageTemplate("hello", "en", "Hello, we are here to help.").ParameterCount);
    }
}
