using System.Text;
using System.Text.Json;
using ContactHub.Channels.Tests.Fixtures;
using ContactHub.Channels.WhatsApp;

namespace ContactHub.Channels.Tests.WhatsApp;

/// <summary>X-Hub-Signature-256 against the fixture vectors: computed over the raw bytes, never over a re-serialised body.</summary>
public sealed class WhatsAppSignatureTests
{
    public static TheoryData<string, string, string> Vectors()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var vector in Fixture.Load("whatsapp/cloud_api_calls_and_signatures.json").GetProperty("signature_vectors").EnumerateArray())
        {
            data.Add(vector.GetProperty("app_secret").GetString()!, vector.GetProperty("raw_body").GetString()!, vector.GetProperty("expected").GetString()!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void TheSignatureOfTheRawBodyMatchesMetasVector(string secret, string rawBody, string expected)
    {
        var body = Encoding.UTF8.GetBytes(rawBody);

        Assert.Equal(expected, WhatsAppSignature.Sign(secret, body));
        Assert.True(WhatsAppSignature.IsValid(secret, body, expected));
    }

    [Fact]
    public void TheSameJsonReSerialisedNoLongerMatchesTheSignature()
    {
        // The text fixture escapes its accents and emoji as \uXXXX, as Meta does; any re-serialiser writes them otherwise.
        var vector = Fixture.Load("whatsapp/cloud_api_calls_and_signatures.json").GetProperty("signature_vectors")[0];
        var rawBody = vector.GetProperty("raw_body").GetString()!;
        var reserialised = JsonSerializer.SerializeToUtf8Bytes(JsonDocument.Parse(rawBody).RootElement, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        Assert.NotEqual(Encoding.UTF8.GetBytes(rawBody), reserialised);
        Assert.False(WhatsAppSignature.IsValid(vector.GetProperty("app_secret").GetString()!, reserialised, vector.GetProperty("expected").GetString()!));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha1=7e80770ae37805e4223f1569f4e98e02973fe7f76b4b87dc28681603d0fa8780")]
    [InlineData("sha256=zz80770ae37805e4223f1569f4e98e02973fe7f76b4b87dc28681603d0fa8780")]
    [InlineData("sha256=7e80770ae37805e4223f1569f4e98e02973fe7f76b4b87dc28681603d0fa8781")]
    [InlineData("sha256=7e80770ae37805e4223f1569f4e98e02973fe7f76b4b87dc28681603d0fa87")]
    public void AMissingMalformedOrForgedSignatureIsRefused(string? presented)
    {
        var vector = Fixture.Load("whatsapp/cloud_api_calls_and_signatures.json").GetProperty("signature_vectors")[0];
        var body = Encoding.UTF8.GetBytes(vector.GetProperty("raw_body").GetString()!);

        Assert.False(WhatsAppSignature.IsValid(vector.GetProperty("app_secret").GetString()!, body, presented));
    }

    [Fact]
    public void ASignatureMadeWithAnotherSecretIsRefused()
    {
        var body = "{\"object\":\"whatsapp_business_account\"}"u8.ToArray();

        Assert.False(WhatsAppSignature.IsValid("our-secret", body, WhatsAppSignature.Sign("their-secret", body)));
    }
}
