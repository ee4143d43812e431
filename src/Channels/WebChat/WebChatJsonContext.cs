using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContactHub.Channels.WebChat;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Visitor))]
[JsonSerializable(typeof(SessionRequest))]
[JsonSerializable(typeof(SessionResponse))]
[JsonSerializable(typeof(MessageRequest))]
[JsonSerializable(typeof(ChatMessage))]
[JsonSerializable(typeof(List<ChatMessage>))]
[JsonSerializable(typeof(ChatStatus))]
[JsonSerializable(typeof(Availability))]
[JsonSerializable(typeof(LeaveMessageRequest))]
[JsonSerializable(typeof(JoinResponse))]
[JsonSerializable(typeof(SendAck))]
[JsonSerializable(typeof(ChatProblem))]
internal sealed partial class WebChatJsonContext : JsonSerializerContext;
