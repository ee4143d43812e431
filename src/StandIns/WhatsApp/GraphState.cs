using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Serialization;

namespace ContactHub.StandIns.WhatsApp;

/// <summary>When each customer last wrote: the stand-in knows, because customers write through it.</summary>
public sealed class CustomerWindows
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> lastInbound = new(StringComparer.Ordinal);

    public void Wrote(string waId, DateTimeOffset at) => lastInbound.AddOrUpdate(waId, at, (_, previous) => at > previous ? at : previous);

    public bool IsOpen(string waId, DateTimeOffset now, TimeSpan window) => lastInbound.TryGetValue(waId, out var last) && now - last <= window;
}

/// <summary>The (business, customer) pair rate limit: one message per interval to one customer.</summary>
public sealed class PairRateLimiter(TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, DateTimeOffset> lastSent = new(StringComparer.Ordinal);

    public bool TryAcquire(string waId, TimeSpan interval)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (lastSent.TryGetValue(waId, out var last) && now - last < interval)
            {
                return false;
            }
            lastSent[waId] = now;
            return true;
        }
    }
}

public sealed record StoredMedia(string Id, string MimeType, byte[] Content, string? FileName)
{
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Content));
}

/// <summary>Uploaded and customer-sent media, by Graph media id.</summary>
public sealed class MediaVault
{
    private readonly ConcurrentDictionary<string, StoredMedia> media = new(StringComparer.Ordinal);

    public StoredMedia Add(string mimeType, byte[] content, string? fileName)
    {
        var stored = new StoredMedia(Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture), mimeType, content, fileName);
        media[stored.Id] = stored;
        return stored;
    }

    public StoredMedia? Find(string id) => media.GetValueOrDefault(id);
}

/// <summary>One message the stand-in accepted for delivery, with its latest status: what GET /_standin/whatsapp/messages shows.</summary>
public sealed record SentWhatsApp(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("template")] string? Template,
    [property: JsonPropertyName("language")] string? Language,
    [property: JsonPropertyName("parameters")] IReadOnlyList<string> Parameters,
    [property: JsonPropertyName("media_id")] string? MediaId,
    [property: JsonPropertyName("status")] string Status);

public sealed class SentLedger
{
    private readonly Lock gate = new();
    private readonly List<SentWhatsApp> messages = [];

    public void Add(SentWhatsApp message)
    {
        lock (gate)
        {
            messages.Add(message);
        }
    }

    public void SetStatus(string id, string status)
    {
        lock (gate)
        {
            var index = messages.FindIndex(m => m.Id == id);
            if (index >= 0)
            {
                messages[index] = messages[index] with { Status = status };
            }
        }
    }

    public IReadOnlyList<SentWhatsApp> Snapshot()
    {
        lock (gate)
        {
            return [.. messages];
        }
    }
}

/// <summary>wamid-shaped ids: base64 of random bytes behind Meta's prefix.</summary>
public static class WamIds
{
    public static string New() => "wamid." + Convert.ToBase64String(RandomNumberGenerator.GetBytes(30));
}
