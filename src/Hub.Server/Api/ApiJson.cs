using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContactHub.Server.Api;

public static class ApiJson
{
    /// <summary>Enums travel as words ("available", "wrap-up"), matching the API's channel and state names.</summary>
    public static readonly JsonStringEnumConverter EnumsAsWords = new(JsonNamingPolicy.KebabCaseLower);

    /// <summary>The API's wire options, for clients in this repository (tests, tools).</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { EnumsAsWords } };

    public static IServiceCollection AddHubApi(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(EnumsAsWords))
            .AddSingleton<InlineFileLinks>()
            .AddSingleton<ContactHub.Core.Files.IPublicFileLinks>(sp => sp.GetRequiredService<InlineFileLinks>());
}
