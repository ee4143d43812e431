namespace ContactHub.StandIns.Twilio;

public sealed record TwilioErrorBody(int Code, string Message, string MoreInfo, int Status);
