using ContactHub.Core.Events;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;

namespace ContactHub.Agents.Blazor.Shared;

/// <summary>
/// A component that follows the hub's events: it subscribes once, filters on the bus thread (cheap, so
/// thousands of consoles can share one bus), marshals what it keeps onto its own render context, and
/// unsubscribes when the circuit goes away.
/// </summary>
public abstract class LiveComponent : ComponentBase, IDisposable
{
    private IDisposable? _subscription;

    [Inject]
    private IHubEventBus Events { get; set; } = default!;

    [Inject]
    private ILoggerFactory LoggerFactory { get; set; } = default!;

    /// <summary>Shown by the component when the last load or action failed; cleared by the next success.</summary>
    protected string? Problem { get; private set; }

    /// <summary>Runs on the bus thread: decide from the event alone, touch no rendering state.</summary>
    protected abstract bool Wants(HubEvent hubEvent);

    /// <summary>Runs on the component's render context.</summary>
    protected abstract Task OnHubEventAsync(HubEvent hubEvent);

    // Sealed so a derived component cannot forget to subscribe; it loads in OnInitializedAsync instead.
    protected sealed override void OnInitialized() =>
        _subscription = Events.Subscribe(hubEvent =>
        {
            if (Wants(hubEvent))
            {
                _ = DeliverAsync(hubEvent);
            }
        });

    /// <summary>Runs a load or an action so that a store or router failure shows in the component instead of ending the circuit.</summary>
    protected async Task GuardAsync(Func<Task> work, string failure)
    {
        try
        {
            await work();
            Problem = null;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            ConsoleLog.ComponentFailed(LoggerFactory.CreateLogger(GetType()), failure, error);
            Problem = failure;
        }
    }

    protected void ShowProblem(string? text) => Problem = text;

    public void Dispose()
    {
        _subscription?.Dispose();
        _subscription = null;
        OnDisposed();
        GC.SuppressFinalize(this);
    }

    protected virtual void OnDisposed()
    {
    }

    private async Task DeliverAsync(HubEvent hubEvent)
    {
        try
        {
            await InvokeAsync(async () =>
            {
                if (_subscription is null)
                {
                    return;
                }
                await GuardAsync(() => OnHubEventAsync(hubEvent), "Live update failed; showing the last known state.");
                StateHasChanged();
            });
        }
        catch (ObjectDisposedException)
        {
            // The circuit closed between the event and its delivery: nobody is looking any more.
        }
    }
}
