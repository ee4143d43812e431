using System.Text;
using System.Text.Json;
using ContactHub.Channels.Tests.Fixtures;
using ContactHub.Channels.Twilio;

namespace ContactHub.Channels.Tests.Twilio;

public sealed class TwilioSignatureTests
{
    private const string VectorsFile = "twilio/signature_test_vectors.json";
    private static readonly JsonElement Vectors = Fixture.Load(VectorsFile);

    public static TheoryData<string> PublishedVectorIds() =>
        new(Vectors.GetProperty("published_sdk_vectors").EnumerateArray().Select(v => v.GetProperty("id").GetString()!));

    public static TheoryData<string> FixtureFiles() =>
        new(Vectors.GetProperty("fixture_vectors").EnumerateArray().Select(v => v.GetProperty("file").GetString()!));

    [Theory]
    [MemberData(nameof(PublishedVectorIds))]
    public void EveryPublishedSdkVectorValidates(string id)
    {
        var vector = PublishedVector(id);
        var token = vector.GetProperty("auth_token").GetString()!;
        var url = vector.GetProperty("url").GetString()!;
        var expected = vector.GetProperty("expected").GetString()!;

        if (vector.TryGetProperty("body", out var body))
        {
            Assert.True(TwilioSignature.IsValidJsonBody(token, url, Encoding.UTF8.GetBytes(body.GetString()!), expected));
        }
        else
        {
            var parameters = VectorParams(vector);
            Assert.Equal(expected, TwilioSignature.Sign(token, url, parameters));
            Assert.True(TwilioSignature.IsValid(token, url, parameters, expected));
        }
    }

    [Fact]
    public void DuplicateParameterNamesSignEachDistinctValueInOrdinalOrder()
    {
        var vector = PublishedVector("sdk-duplicate-keys-python");
        var parameters = VectorParams(vector);

        Assert.Equal(vector.GetProperty("expected").GetString(), TwilioSignature.Sign("12345", vector.GetProperty("url").GetString()!, parameters));
    }

    [Theory]
    [MemberData(nameof(FixtureFiles))]
    public void EveryRecordedWebhookFixtureValidatesWithItsHeader(string file)
    {
        var entry = Vectors.GetProperty("fixture_vectors").EnumerateArray().Single(v => v.GetProperty("file").GetString() == file);
        var webhook = Fixture.Load(file);
        var header = webhook.GetProperty("request").GetProperty("headers").GetProperty("X-Twilio-Signature").GetString();

        Assert.Equal(entry.GetProperty("expected").GetString(), header);
        Assert.True(TwilioSignature.IsValid(entry.GetProperty("auth_token").GetString()!, entry.GetProperty("url").GetString()!, Fixture.Params(webhook), header));
    }

    [Fact]
    public void APortlessUrlAcceptsASignatureMadeWithTheDefaultHttpsPort()
    {
        var parameters = VectorParams(PublishedVector("sdk-https-port-443"));

        Assert.True(TwilioSignature.IsValid("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", parameters, "kvajT1Ptam85bY51eRf/AJRuM3w="));
    }

    [Fact]
    public void AUrlWithACustomPortAcceptsASignatureMadeWithoutThePort()
    {
        var parameters = VectorParams(PublishedVector("sdk-https-custom-port"));

        Assert.True(TwilioSignature.IsValid("12345", "https://mycompany.com:1234/myapp.php?foo=1&bar=2", parameters, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
    }

    [Fact]
    public void AUrlWithTheDefaultHttpPortAcceptsASignatureMadeWithoutIt()
    {
        var parameters = VectorParams(PublishedVector("sdk-http-port-80"));
        var withoutPort = TwilioSignature.Sign("12345", "http://mycompany.com/myapp.php?foo=1&bar=2", parameters);

        Assert.True(TwilioSignature.IsValid("12345", "http://mycompany.com:80/myapp.php?foo=1&bar=2", parameters, withoutPort));
    }

    [Theory]
    [InlineData("neg-mixed-case-wrong")]
    public void ANegativeVectorIsRejected(string id)
    {
        var vector = Vectors.GetProperty("negative_vectors").EnumerateArray().Single(v => v.GetProperty("id").GetString() == id);

        Assert.False(TwilioSignature.IsValid(
            vector.GetProperty("auth_token").GetString()!, vector.GetProperty("url").GetString()!, VectorParams(vector), vector.GetProperty("presented").GetString()));
    }

    [Fact]
    public void AJsonBodyWithoutAHashInTheUrlIsRejected()
    {
        var vector = Vectors.GetProperty("negative_vectors").EnumerateArray().Single(v => v.GetProperty("id").GetString() == "neg-json-without-hash");

        Assert.False(TwilioSignature.IsValidJsonBody(
            "12345", vector.GetProperty("url").GetString()!, Encoding.UTF8.GetBytes(vector.GetProperty("body").GetString()!), vector.GetProperty("presented").GetString()));
    }

    [Fact]
    public void AJsonBodyThatDoesNotMatchItsHashIsRejected()
    {
        var vector = PublishedVector("sdk-json-body");

        Assert.False(TwilioSignature.IsValidJsonBody(
            "12345", vector.GetProperty("url").GetString()!, Encoding.UTF8.GetBytes("{\"property\": \"tampered\"}"), vector.GetProperty("expected").GetString()));
    }

    [Fact]
    public void AForgedSignatureIsRejected()
    {
        var parameters = VectorParams(PublishedVector("sdk-basic"));
        var forged = TwilioSignature.Sign("not-the-token", "https://mycompany.com/myapp.php?foo=1&bar=2", parameters);

        Assert.False(TwilioSignature.IsValid("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", parameters, forged));
    }

    [Fact]
    public void ATamperedParameterInvalidatesTheSignature()
    {
        var vector = PublishedVector("sdk-basic");
        var tampered = VectorParams(vector).Select(p => p.Key == "Digits" ? new KeyValuePair<string, string>("Digits", "9999") : p).ToList();

        Assert.False(TwilioSignature.IsValid("12345", vector.GetProperty("url").GetString()!, tampered, vector.GetProperty("expected").GetString()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void AMissingSignatureIsRejected(string? presented)
    {
        var vector = PublishedVector("sdk-basic");

        Assert.False(TwilioSignature.IsValid("12345", vector.GetProperty("url").GetString()!, VectorParams(vector), presented));
    }

    [Fact]
    public void AnEmptyAuthTokenNeverValidates()
    {
        var parameters = VectorParams(PublishedVector("sdk-basic"));
        var signedWithEmptyKey = TwilioSignature.Sign("", "https://mycompany.com/myapp.php", parameters);

        Assert.False(TwilioSignature.IsValid("", "https://mycompany.com/myapp.php", parameters, signedWithEmptyKey));
    }

    private static JsonElement PublishedVector(string id) =>
        Vectors.GetProperty("published_sdk_vectors").EnumerateArray().Single(v => v.GetProperty("id").GetString() == id);

    private static List<KeyValuePair<string, string>> VectorParams(JsonElement vector)
    {
        if (vector.TryGetProperty("params_multi", out var multi))
        {
            return multi.EnumerateArray().Select(pair => new KeyValuePair<string, string>(pair[0].GetString()!, pair[1].GetString()!)).ToList();
        }
        return vector.TryGetProperty("params", out var single)
            ? single.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!)).ToList()
            : [];
    }
}
