using System.Globalization;

namespace ContactHub.Channels.WhatsApp;

/// <summary>A shared location as a line an agent can read and a map link they can open.</summary>
public static class LocationText
{
    public static string Describe(WhatsAppLocation location)
    {
        var place = string.Join(", ", new[] { location.Name, location.Address }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
        if (location is not { Latitude: { } lat and >= -90 and <= 90, Longitude: { } lon and >= -180 and <= 180 })
        {
            return place.Length > 0 ? $"Shared a location: {place}" : "Shared a location without coordinates";
        }
        var at = string.Create(CultureInfo.InvariantCulture, $"{lat:0.######}, {lon:0.######}");
        var link = string.Create(CultureInfo.InvariantCulture, $"https://www.openstreetmap.org/?mlat={lat:0.######}&mlon={lon:0.######}#map=17/{lat:0.######}/{lon:0.######}");
        return place.Length > 0 ? $"Shared a location: {place} ({at}) {link}" : $"Shared a location: {at} {link}";
    }
}
