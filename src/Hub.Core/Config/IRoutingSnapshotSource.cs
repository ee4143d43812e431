namespace ContactHub.Core.Config;

/// <summary>Where the rule engine reads the current configuration from (the live state in the host, a fixed snapshot in tests).</summary>
public interface IRoutingSnapshotSource
{
    RoutingSnapshot Current { get; }
}
