using ContactHub.StandIns.Simulator;
using ContactHub.StandIns.Simulator.Telegram;

namespace ContactHub.Channels.Tests.Telegram;

public sealed class TelegramCustomerSimulatorTests
{
    [Fact]
    public void SomeDemoTelegramCustomersShareTheirNumberWithAnSmsCustomerSoTheTimelinesMerge()
    {
        var smsNumbers = Customers.Pool.Select(c => c.PhoneNumber).ToHashSet();
        var sharing = TelegramCustomers.Pool.Where(c => c.PhoneNumber is not null).ToList();

        Assert.True(sharing.Count >= 2);
        Assert.All(sharing, c => Assert.Contains(c.PhoneNumber!, smsNumbers));
    }

    [Fact]
    public void TheDemoPictureIsARealPng()
    {
        var png = DemoFiles.Picture(200, 90, 60);

        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal("IEND", System.Text.Encoding.ASCII.GetString(png, png.Length - 8, 4));
    }
}
