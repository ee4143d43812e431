using ContactHub.Core.Domain;
using ContactHub.Core.Services;
using Microsoft.Extensions.Options;

namespace ContactHub.Core.Tests;

public class WrapUpRulesTests
{
    private static WrapUpRules Rules(params string[]? configured) => new(Options.Create(new WrapUpOptions { Dispositions = configured }));

    [Fact]
    public void WithoutConfigurationTheDefaultCodesApply() =>
        Assert.Equal(["Resolved", "Follow-up needed", "Callback requested", "Wrong number", "Complaint", "Sales lead"], Rules(null).Dispositions);

    [Fact]
    public void AConfiguredListReplacesTheDefaultsWithoutBlanksOrDuplicates() =>
        Assert.Equal(["Sale", "Refund"], Rules("Sale", " ", "Refund", "sale").Dispositions);

    [Fact]
    public void AKnownCodeIsStoredAsConfiguredAndTheNoteTrimmed()
    {
        var (wrapUp, problem) = Rules(null).Check(new WrapUp(" sales LEAD ", "  wants a quote \n"), ChannelKind.Sms);

        Assert.Null(problem);
        Assert.Equal(new WrapUp("Sales lead", "wants a quote"), wrapUp);
    }

    [Fact]
    public void AnUnknownCodeIsRefusedNamingTheKnownOnes()
    {
        var (wrapUp, problem) = Rules("Sale", "Refund").Check(new WrapUp("Upsell", null), ChannelKind.Email);

        Assert.Null(wrapUp);
        Assert.Equal("Unknown disposition; use one of: Sale, Refund.", problem);
    }

    [Fact]
    public void ACallNeedsACodeButAWrittenConversationDoesNot()
    {
        var rules = Rules(null);

        Assert.Equal("A call needs a disposition.", rules.Check(new WrapUp(" ", "talked"), ChannelKind.Voice).Problem);
        Assert.Equal(new WrapUp(null, "talked"), rules.Check(new WrapUp(" ", "talked"), ChannelKind.WebChat).WrapUp);
        Assert.Equal(WrapUp.None, rules.Check(WrapUp.None, ChannelKind.Email).WrapUp);
    }

    [Fact]
    public void ANoteOfExactly2000CharactersIsKeptAndOneMoreIsRefused()
    {
        var rules = Rules(null);

        Assert.Equal(2000, rules.Check(new WrapUp("Complaint", new string('n', 2000)), ChannelKind.Sms).WrapUp!.Note!.Length);
        Assert.Equal("The note is 2001 characters; at most 2000 are kept.", rules.Check(new WrapUp("Complaint", new string('n', 2001)), ChannelKind.Sms).Problem);
    }
}
