using ContactHub.StandIns.Telegram;

namespace ContactHub.StandIns.Simulator.Telegram;

/// <summary>A demo Telegram user; <see cref="PhoneNumber"/>, when set, is also an SMS simulator customer's number.</summary>
public sealed record TelegramCustomer(BotCustomer User, string? PhoneNumber);

public static class TelegramCustomers
{
    /// <summary>
    /// Fictional users (ids in a range no real account uses here). Three share the number of an SMS customer in
    /// <see cref="Customers.Pool"/>: once they share their contact, the hub shows one customer with one timeline.
    /// </summary>
    public static readonly IReadOnlyList<TelegramCustomer> Pool =
    [
        new(new BotCustomer(5550123001, "Chloé", "Bernard", "chloe_b_demo"), Customers.Pool[2].PhoneNumber),
        new(new BotCustomer(5550123002, "Mateo", "Rossi", "mateo_r_demo"), Customers.Pool[4].PhoneNumber),
        new(new BotCustomer(5550123003, "Aiko", "Tanaka", null), Customers.Pool[6].PhoneNumber),
        new(new BotCustomer(5550123004, "Lena", "Vogel", "lena_v_demo"), null),
        new(new BotCustomer(5550123005, "Kwame", null, "kwame_demo"), null),
    ];

    public static readonly IReadOnlyList<string> Messages =
    [
        "Hi! My parcel #A-4521 hasn't arrived yet 📦",
        "Can I return shoes I bought online in a store?",
        "The app keeps logging me out, any idea why?",
        "Do you have the blue jacket in size M?",
        "My discount code SPRING26 says it's expired",
        "Thanks for the quick help earlier 🙏",
        "Is it possible to change my delivery slot to Friday?",
    ];

    public static readonly IReadOnlyList<string> StartPayloads = ["order_4521", "order_1187", "promo_spring"];

    /// <summary>Where the demo's customers share their location from.</summary>
    public static readonly IReadOnlyList<(double Latitude, double Longitude)> Places =
    [
        (48.85837, 2.294481),
        (52.520008, 13.404954),
        (37.774929, -122.419416),
    ];
}
