using System.Text.Json;
using System.Text.Json.Serialization;
using ContactHub.Core.Events;

namespace ContactHub.Routing;

/// <summary>Source-generated, so every node reads and writes events the same way without reflection.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(HubEvent))]
internal sealed partial class HubEventJson : JsonSerializerContext;
