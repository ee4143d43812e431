namespace ContactHub.StandIns.Simulator.WebChat;

/// <summary>Who visits the demo shop and what they ask; some leave an e-mail address in the pre-chat form.</summary>
public static class WebChatVisitors
{
    public sealed record Visitor(string Name, string? Email, string Question, string FollowUp);

    public static readonly IReadOnlyList<Visitor> Pool =
    [
        new("Maya Lindqvist", "maya.lindqvist@example.com", "Hi! Do the Ridge rain jackets run small?", "Thanks, that helps a lot!"),
        new("Tomás Ortega", null, "Is the 24 L day pack carry-on size for most airlines?", "Great, I'll order one today."),
        new("Priya Raman", "priya.r@example.net", "My order #5521 hasn't shipped yet. Can you check?", "Perfect, thank you."),
        new("Jonas Weber", null, "Can I return boots I've worn once outside?", "Understood, thanks."),
        new("Aiko Tanaka", "aiko.tanaka@example.org", "Do you ship to Norway, and how long does it take?", "Lovely, thanks for the quick answer."),
        new("Sam O'Neill", null, "Is the merino base layer machine washable? <b>asking for a friend</b>", "Cheers!"),
    ];

    public static Visitor Next() => Pool[Random.Shared.Next(Pool.Count)];
}
