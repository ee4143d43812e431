namespace ContactHub.Core.Events;

/// <summary>Fans events out to every node, so whichever node holds an agent's console can push the update.</summary>
public interface IHubEventBus
{
    Task PublishAsync(HubEvent hubEvent);

    /// <summary>The handler runs on a bus thread; UI subscribers marshal to their own context.</summary>
    IDisposable Subscribe(Action<HubEvent> handler);
}
