using System.Text.Json;

namespace ContactHub.Core.Store;

internal static class StoreJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
