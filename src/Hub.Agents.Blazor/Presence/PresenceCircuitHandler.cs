using ContactHub.Agents.Blazor.Auth;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace ContactHub.Agents.Blazor.Presence;

/// <summary>
/// One per circuit: tells <see cref="PresenceGrace"/> when this agent's console connects and when it drops.
/// A connection that drops counts as down at once (the circuit may linger for minutes waiting for a
/// reconnect); the grace period covers the reconnect.
/// </summary>
internal sealed class PresenceCircuitHandler(PresenceGrace grace, AuthenticationStateProvider authentication) : CircuitHandler
{
    private long? _agentId;
    private bool _up;

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        // The host sets the circuit's user from the connecting request before any handler runs.
        _agentId = ConsoleUser.From((await authentication.GetAuthenticationStateAsync()).User)?.AgentId;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (_agentId is { } agentId && !_up)
        {
            _up = true;
            grace.Up(agentId);
        }
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        MarkDown();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        MarkDown();
        return Task.CompletedTask;
    }

    private void MarkDown()
    {
        if (_agentId is { } agentId && _up)
        {
            _up = false;
            grace.Down(agentId);
        }
    }
}
