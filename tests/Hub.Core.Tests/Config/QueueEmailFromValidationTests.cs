using ContactHub.Core.Config;

namespace ContactHub.Core.Tests.Config;

public sealed class QueueEmailFromValidationTests
{
    private static readonly string[] Known = ["general", "billing"];

    [Theory]
    [InlineData("billing@example.com")]
    [InlineData("first.last+billing@mail.example.co.uk")]
    public void APlainAddressIsAccepted(string address)
    {
        Assert.Null(RoutingValidation.Queue(Queues.Billing with { EmailFrom = address, EmailFromName = "Acme Billing" }, Known));
    }

    [Theory]
    [InlineData("billing")]
    [InlineData("billing at example.com")]
    [InlineData("billing@localhost")]
    [InlineData("billing@@example.com")]
    [InlineData(".billing@example.com")]
    [InlineData("bill..ing@example.com")]
    [InlineData("\"billing\"@example.com")]
    [InlineData("Billing <billing@example.com>")]
    [InlineData("billing@example.com\r\nBcc: everyone@example.com")]
    [InlineData("rechnung@bücher.example")]
    [InlineData("billing@-example.com")]
    public void AnythingButAPlainAddressIsRefusedWithAReason(string address)
    {
        var error = RoutingValidation.Queue(Queues.Billing with { EmailFrom = address }, Known);

        Assert.NotNull(error);
        Assert.Contains("emailFrom", error);
    }

    [Fact]
    public void ALocalPartLongerThan64CharactersIsRefused()
    {
        Assert.NotNull(RoutingValidation.Queue(Queues.Billing with { EmailFrom = new string('a', 65) + "@example.com" }, Known));
    }

    [Fact]
    public void ANameWithoutAnAddressIsRefusedAndNoSenderAtAllIsFine()
    {
        Assert.Contains("emailFromName needs", RoutingValidation.Queue(Queues.Billing with { EmailFromName = "Acme Billing" }, Known));
        Assert.Null(RoutingValidation.Queue(Queues.Billing, Known));
    }

    [Fact]
    public void ANameWithAControlCharacterIsRefused()
    {
        Assert.NotNull(RoutingValidation.Queue(Queues.Billing with { EmailFrom = "billing@example.com", EmailFromName = "Acme\nBcc: x" }, Known));
    }
}
