namespace ContactHub.StandIns.Simulator.Email;

/// <summary>A fake e-mail customer on a domain reserved for examples (RFC 2606), so no real mailbox is ever written to.</summary>
/// <param name="MailboxGone">Mail to this customer bounces: the simulator plays the remote mail system and returns a report.</param>
public sealed record EmailCustomer(string Name, string Address, bool MailboxGone = false);

/// <summary>A first message of a thread; <see cref="Html"/> set = sent as multipart/alternative, as most mail clients do.</summary>
public sealed record EmailOpening(string Subject, string Text, string? Html = null);

public static class EmailCustomers
{
    public static readonly IReadOnlyList<EmailCustomer> Pool =
    [
        new("Dana Whitfield", "dana.whitfield@example.com"),
        new("Omar Haddad", "omar.haddad@example.org"),
        new("Lena Kowalski", "lena.k@example.net"),
        new("Jürgen Böhm", "j.boehm@example.com"),
        new("Priya Raman", "priya.raman@example.org"),
        new("Former Customer", "gone@example.org", MailboxGone: true),
    ];

    public static readonly IReadOnlyList<EmailOpening> Openings =
    [
        new("Order #A-4521 has not shipped", "Hello,\n\nI ordered a desk lamp (order #A-4521) ten days ago and it still shows \"processing\".\nCould you check what is going on?\n\nThanks,"),
        new("Charged twice for invoice INV-2026-0193", "Hi,\n\nmy card statement shows two charges of $49.00 for invoice INV-2026-0193.\nPlease refund the duplicate.\n\nBest regards,",
            "<p>Hi,</p><p>my card statement shows <b>two charges of $49.00</b> for invoice <i>INV-2026-0193</i>.</p><p>Please refund the duplicate.</p><p>Best regards,</p>"),
        new("Password reset link expired", "The reset link in your e-mail says it expired, although I clicked it within a minute. Can you help?"),
        new("Rückerstattung für Bestellung B-1187", "Guten Tag,\n\nich habe die Bestellung B-1187 zurückgeschickt. Wann kommt die Rückerstattung?\n\nViele Grüße,"),
        new("Damaged package", "The box arrived crushed and the glass shade is broken. Photos on request. What are my options?",
            "<div style=\"font-family:Arial\"><p>The box arrived <span style=\"color:#c00\">crushed</span> and the glass shade is broken.</p><ul><li>Order: #C-3301</li><li>Delivered: Monday</li></ul><p>What are my options?</p></div>"),
        new("Change of delivery address", "Can I still change the delivery address of order #B-2290 to 14 Elm Street, Springfield?"),
        new("Upgrade to the business plan", "We are a team of 12 now. What would the business plan cost per month, and can we keep our data?",
            "<p>We are a team of <b>12</b> now.</p><table border=\"1\"><tr><th>Question</th></tr><tr><td>Price per month?</td></tr><tr><td>Do we keep our data?</td></tr></table>"),
    ];

    /// <summary>What a customer writes back after the hub answered.</summary>
    public static readonly IReadOnlyList<string> FollowUps =
    [
        "Thanks, that worked!",
        "That did not help, unfortunately. It still shows the same problem.",
        "Thank you. One more question: how long does it usually take?",
        "Great, but could you confirm that by e-mail once it is done?",
    ];

    /// <summary>What an impatient customer writes to their own earlier message.</summary>
    public static readonly IReadOnlyList<string> Nudges =
    [
        "Any news on this?",
        "Hello? I am still waiting for an answer.",
        "Adding to my message below: it is quite urgent.",
    ];
}
