using System.Globalization;

namespace ContactHub.Agents.Blazor.History;

/// <summary>File sizes as people read them: "613 B", "4.2 KB", "15 MB" (binary units, one decimal below 10).</summary>
public static class FileSizeText
{
    private static readonly string[] Units = ["KB", "MB", "GB", "TB"];

    public static string Format(long bytes)
    {
        if (bytes < 1024)
        {
            return bytes.ToString(CultureInfo.InvariantCulture) + " B";
        }
        double value = bytes;
        var unit = -1;
        while (value >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        var rounded = value < 10 ? Math.Round(value, 1) : Math.Round(value);
        // 1023.6 KB rounds to 1024 KB: say 1 MB instead.
        if (rounded >= 1024 && unit < Units.Length - 1)
        {
            rounded = 1;
            unit++;
        }
        return rounded.ToString(value < 10 ? "0.#" : "0", CultureInfo.InvariantCulture) + " " + Units[unit];
    }
}
