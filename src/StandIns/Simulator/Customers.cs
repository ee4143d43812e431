namespace ContactHub.StandIns.Simulator;

/// <summary>A fake customer: the 555-01xx range is reserved for fiction, so no real phone is ever texted.</summary>
public sealed record Customer(string PhoneNumber, string City, string State, string Zip);

public static class Customers
{
    public static readonly IReadOnlyList<Customer> Pool =
    [
        new("+15555550101", "SAN FRANCISCO", "CA", "94107"),
        new("+15555550112", "OAKLAND", "CA", "94612"),
        new("+15555550123", "SAN FRANCISCO", "CA", "94110"),
        new("+15555550134", "SEATTLE", "WA", "98101"),
        new("+15555550145", "AUSTIN", "TX", "78701"),
        new("+15555550156", "CHICAGO", "IL", "60601"),
        new("+15555550167", "BROOKLYN", "NY", "11201"),
        new("+15555550178", "DENVER", "CO", "80202"),
    ];

    public static readonly IReadOnlyList<string> Messages =
    [
        "Hi, my order #A-4521 still hasn't shipped. Can someone check? Thanks",
        "I was charged twice for my last invoice, please help",
        "How do I reset my password? The link in the email expired",
        "Can I change the delivery address on order #B-1187?",
        "The package arrived damaged. What are my options?",
        "Is the store on Market St open this Sunday?",
        "I'd like to cancel my subscription please",
        "Thanks, that fixed it!",
        "Still waiting on a reply about my refund 😞",
        "Do you ship to Canada?",
        "My tracking number says delivered but nothing is here",
        "Can I speak to someone about upgrading my plan?",
    ];

    /// <summary>Mostly questions; now and then a keyword, and an opted-out customer often comes back with START.</summary>
    public static string NextBody(bool optedOut)
    {
        var roll = Random.Shared.NextDouble();
        if (optedOut && roll < 0.5)
        {
            return "START";
        }
        return roll switch
        {
            < 0.03 => "STOP",
            < 0.05 => "HELP",
            _ => Messages[Random.Shared.Next(Messages.Count)],
        };
    }
}
