using ContactHub.StandIns;
using ContactHub.StandIns.Twilio;

namespace ContactHub.Channels.Tests.Support;

/// <summary>The fake Twilio account every stand-in test uses (same sid as the fixtures, a throwaway token).</summary>
public static class TestAccount
{
    public const string AccountSid = "AC4b219540d7d71f9e16256482c97d59b0";
    public const string AuthToken = "6e3f0d9b2c7a41e58f1b0c2d3e4f5a6b";
    public const string OurNumber = "+15555550100";
    public const string Customer = "+15555550123";
    public const string UnreachableCustomer = "+15555550199";

    public static StandInSettings StandIn(int messagesPerSecond = 1000, int callbackDelayMilliseconds = 20) => new()
    {
        Twilio = new TwilioStandInOptions
        {
            AccountSid = AccountSid,
            AuthToken = AuthToken,
            PhoneNumbers = [OurNumber],
            UndeliverableNumbers = [UnreachableCustomer],
            MessagesPerSecond = messagesPerSecond,
            CallbackDelay = TimeSpan.FromMilliseconds(callbackDelayMilliseconds),
        },
    };
}
