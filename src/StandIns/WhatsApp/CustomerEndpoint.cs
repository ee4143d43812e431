using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ContactHub.StandIns.WhatsApp;

/// <summary>What a simulated customer writes: text by default; "image" sends a small picture with <see cref="Text"/> as caption.</summary>
/// <param name="HoursAgo">Back-dates the message (and so the 24-hour window), for tests of a lapsed window.</param>
public sealed record CustomerMessage(
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("hours_ago")] double? HoursAgo);

/// <summary>
/// <c>POST /_standin/whatsapp/customers/{wa_id}/messages</c>: a customer writes to our number. The stand-in opens their
/// window, builds the webhook Meta would send and posts it, signed, to the hub; the answer names the wamid and the hub's status.
/// </summary>
public static class CustomerEndpoint
{
    public const string Route = "/_standin/whatsapp/customers/{waId}/messages";

    public static async Task<IResult> HandleAsync(string waId, CustomerMessage message, WhatsAppCustomers customers, CancellationToken cancellationToken)
    {
        var written = await customers.WriteAsync(waId, message, cancellationToken);
        return written.Problem is not null
            ? TypedResults.BadRequest(written.Problem)
            : TypedResults.Json(new JsonObject { ["id"] = written.MessageId, ["hub_status"] = written.HubStatus });
    }
}
