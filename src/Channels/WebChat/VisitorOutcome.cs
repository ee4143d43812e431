namespace ContactHub.Channels.WebChat;

/// <summary>A visitor request's result: the value, or a 4xx status with the sentence the widget shows.</summary>
public sealed record VisitorOutcome<T>(T? Value, int Status, string? Problem)
    where T : class
{
    public static VisitorOutcome<T> Ok(T value) => new(value, 200, null);

    public static VisitorOutcome<T> Refused(int status, string problem) => new(null, status, problem);
}
