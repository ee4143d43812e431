using System.ComponentModel.DataAnnotations;

namespace ContactHub.Agents.Blazor;

/// <summary>The console's settings, section <c>Console</c>.</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    /// <summary>How long an agent whose last console closed stays in their state before being set offline.</summary>
    [Range(0, 24 * 3600)]
    public int PresenceGraceSeconds { get; set; } = 60;

    /// <summary>The wallboard shows a service level at or above this percentage as on target.</summary>
    [Range(1, 100)]
    public int ServiceLevelTargetPercent { get; set; } = 80;
}
