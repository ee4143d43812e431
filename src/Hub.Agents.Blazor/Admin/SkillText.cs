namespace ContactHub.Agents.Blazor.Admin;

/// <summary>Skills with levels as one short line ("billing:2, german:1"): quick to type, easy to read back.</summary>
public static class SkillText
{
    public static string Format(IReadOnlyDictionary<string, int> skills) =>
        string.Join(", ", skills.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}:{s.Value}"));

    /// <returns>Null when the text reads; otherwise why not. A skill without a level gets level 1.</returns>
    public static string? TryParse(string? text, out Dictionary<string, int> skills)
    {
        skills = [];
        foreach (var item in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = item.Split(':', StringSplitOptions.TrimEntries);
            var level = 1;
            if (parts.Length > 2 || parts[0].Length == 0 || (parts.Length == 2 && !int.TryParse(parts[1], out level)))
            {
                return $"'{item}' should look like skill:level, e.g. billing:2.";
            }
            if (!skills.TryAdd(parts[0].ToLowerInvariant(), level))
            {
                return $"Skill '{parts[0]}' is given twice.";
            }
        }
        return null;
    }
}
