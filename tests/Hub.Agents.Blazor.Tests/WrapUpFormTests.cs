using ContactHub.Agents.Blazor.Resolve;
using ContactHub.Core.Domain;
using ContactHub.Core.Services;

namespace ContactHub.Agents.Blazor.Tests;

public class WrapUpFormTests
{
    private static readonly string[] Codes = ["Resolved", "Callback requested"];

    [Fact]
    public void ACallCannotBeSubmittedUntilADispositionIsPicked()
    {
        var form = new WrapUpForm(Codes, ChannelKind.Voice) { Note = "spoke to Dana" };

        Assert.False(form.CanSubmit);
        Assert.Equal("Choose a disposition…", form.EmptyOption);
        form.Disposition = "Callback requested";
        Assert.True(form.CanSubmit);
    }

    [Fact]
    public void AWrittenConversationCanBeSubmittedWithNothingFilledIn()
    {
        var form = new WrapUpForm(Codes, ChannelKind.Email);

        Assert.True(form.CanSubmit);
        Assert.Equal("No disposition", form.EmptyOption);
        Assert.Equal(WrapUp.None, form.ToWrapUp());
    }

    [Fact]
    public void AnUnlistedValueFromTheSelectMeansNoDisposition()
    {
        var form = new WrapUpForm(Codes, ChannelKind.Voice) { Disposition = "Resolved" };

        form.Disposition = "";

        Assert.Null(form.Disposition);
        Assert.False(form.CanSubmit);
    }

    [Fact]
    public void ANoteOverTheLimitBlocksSubmitAndTheCounterShowsIt()
    {
        var form = new WrapUpForm(Codes, ChannelKind.Sms) { Note = new string('x', 2001) };

        Assert.False(form.CanSubmit);
        Assert.True(form.IsNoteTooLong);
        Assert.Equal("2001 / 2000", form.Counter);
    }

    [Fact]
    public void TheWrapUpCarriesTheCodeAndTheTrimmedNote() =>
        Assert.Equal(new WrapUp("Resolved", "all good"),
            new WrapUpForm(Codes, ChannelKind.Voice) { Disposition = "Resolved", Note = "  all good \n" }.ToWrapUp());
}
