using ContactHub.Agents.Blazor.Admin;
using ContactHub.Core.Config;
using ContactHub.Core.Routing;

namespace ContactHub.Agents.Blazor.Tests;

public sealed class AdminFormTests
{
    [Fact]
    public void AQueueWithADayRangeShowsEachCoveredWeekdayAndSavesPerDay()
    {
        var queue = new QueueDefinition("billing")
        {
            TimeZone = "Europe/Berlin",
            Hours = new BusinessHoursSpec { Days = new Dictionary<string, string> { ["mon-fri"] = "09:00-17:00", ["sat"] = "10:00-12:00" }, Holidays = ["2026-12-25"] },
            Overflow = [new OverflowStep(120, Team: "backoffice"), new OverflowStep(600, Queue: "general"), new OverflowStep(900)],
            RequiredSkills = new Dictionary<string, int> { ["german"] = 1, ["billing"] = 2 },
        };

        var form = QueueForm.From(queue);
        var (saved, error) = form.ToDefinition();

        Assert.Null(error);
        Assert.Equal("09:00-17:00", form.Days["wed"]);
        Assert.Equal("", form.Days["sun"]);
        Assert.Equal("billing:2, german:1", form.RequiredSkills);
        Assert.Equal(6, saved!.Hours.Days.Count);
        Assert.Equal(["2026-12-25"], saved.Hours.Holidays);
        Assert.Equal(queue.Overflow, saved.Overflow);
    }

    [Fact]
    public void AQueuesVoicemailWaitAndCallRecordingRoundTrip()
    {
        var saved = QueueForm.From(new QueueDefinition("billing") { VoicemailAfterSeconds = 300, RecordCalls = true }).ToDefinition().Queue!;

        Assert.Equal((300, true), (saved.VoicemailAfterSeconds, saved.RecordCalls));
    }

    [Fact]
    public void AQueuesEmailSenderRoundTripsAndBlankBoxesMeanTheHubsAddress()
    {
        var form = QueueForm.From(new QueueDefinition("billing") { EmailFrom = "billing@example.net", EmailFromName = "Acme Billing" });
        var saved = form.ToDefinition().Queue!;
        form.EmailFrom = "  ";
        form.EmailFromName = "";
        var cleared = form.ToDefinition().Queue!;

        Assert.Equal(("billing@example.net", "Acme Billing"), (saved.EmailFrom, saved.EmailFromName));
        Assert.Equal((null, null), (cleared.EmailFrom, cleared.EmailFromName));
    }

    [Fact]
    public void AnOverflowLineThatCannotBeReadIsReportedBeforeSaving()
    {
        var form = new QueueForm { Name = "q", Overflow = "soon to general" };

        Assert.Contains("Overflow step", form.ToDefinition().Error);
    }

    [Fact]
    public void ClosedOnEveryDayIsNotMistakenForAlwaysOpen()
    {
        var form = new QueueForm { Name = "q", AlwaysOpen = false };

        Assert.Contains("at least one day", form.ToDefinition().Error);
    }

    [Fact]
    public void MovingARuleSwapsItWithItsNeighbourAndStopsAtTheEnds()
    {
        var rules = new List<string> { "a", "b", "c" };

        Assert.Equal(0, RuleOrder.Move(rules, 1, -1));
        Assert.Equal(["b", "a", "c"], rules);
        Assert.Equal(0, RuleOrder.Move(rules, 0, -1));
        Assert.Equal(2, RuleOrder.Move(rules, 1, 1));
        Assert.Equal(["b", "c", "a"], rules);
    }

    [Fact]
    public void EmptyRuleInputsMeanNoConditionAndNoPriority()
    {
        var (rule, error) = new RuleRow { Name = "all sms", Channel = "sms", Queue = "general" }.ToRule();

        Assert.Null(error);
        Assert.Null(rule!.Priority);
        Assert.Equal("", rule.Keyword);
        Assert.Contains("priority", new RuleRow { Name = "x", Priority = "high" }.ToRule().Error);
    }

    [Fact]
    public void AProfileFormKeepsEmptyCapacityAsTheDefaultAndReadsSkillLevels()
    {
        var form = ProfileForm.From(new AgentProfileInput("team-a", new Dictionary<string, int> { ["billing"] = 3 }, new Dictionary<string, int> { ["voice"] = 1 }));
        form.Capacity["sms"] = "4";

        var (input, error) = form.ToInput();

        Assert.Null(error);
        Assert.Equal(new Dictionary<string, int> { ["voice"] = 1, ["sms"] = 4 }, input!.Capacity);
        Assert.Equal(3, input.Skills["billing"]);
        Assert.Equal("3", ProfileForm.DefaultCapacity("sms"));
        Assert.Contains("skill:level", new ProfileForm { Skills = "billing:x" }.ToInput().Error);
    }
}
