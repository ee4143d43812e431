using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using ContactHub.Channels.Email;
using ContactHub.Channels.Email.Mime;
using ContactHub.Core.Store;
using ContactHub.Core.Stream;
using ContactHub.Server.Api;
using Microsoft.Extensions.DependencyInjection;

namespace ContactHub.Server.Tests;

/// <summary>Stored attachments leave only as inert downloads to staff; inline images only through a fresh signed URL.</summary>
public sealed partial class FileApiTests(HubFactoryFixture hub) : IClassFixture<HubFactoryFixture>
{
    private const string Png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    private T Service<T>() where T : notnull => hub.Factory.Services.GetRequiredService<T>();

    /// <summary>A customer's mail with a PDF, an HTML file and a logo its HTML shows by cid:, appended the way IMAP ingest does.</summary>
    private async Task<(long InteractionId, IReadOnlyList<StoredFileInfo> Files)> MailWithFilesAsync()
    {
        var (appended, files) = await AppendMailWithFilesAsync();
        return (appended.InteractionId, files);
    }

    private async Task<(AppendResult Appended, IReadOnlyList<StoredFileInfo> Files)> AppendMailWithFilesAsync()
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        var raw = string.Join("\r\n",
            "From: Dana <dana." + id + "@example.com>", "To: support@example.net", "Subject: Files", $"Message-ID: <files-{id}@example.com>",
            "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=m", "",
            "--m", "Content-Type: multipart/related; boundary=r", "",
            "--r", "Content-Type: text/html; charset=utf-8", "", "<p>Our logo: <img src=\"cid:logo@acme\" alt=\"logo\"></p>",
            "--r", "Content-Type: image/png; name=logo.png", "Content-ID: <logo@acme>", "Content-Transfer-Encoding: base64", "", Png,
            "--r--",
            "--m", "Content-Type: application/pdf", "Content-Disposition: attachment; filename*=UTF-8''R%C3%A9sum%C3%A9%20%22final%22%3B.pdf", "Content-Transfer-Encoding: base64", "",
            Convert.ToBase64String("%PDF-1.4 test"u8),
            "--m", "Content-Type: text/html", "Content-Disposition: attachment; filename=\"page.html\"", "", "<script>alert(1)</script>",
            "--m--", "");
        var mapped = EmailInboundMapper.Map(new MimeReader().Read(Encoding.UTF8.GetBytes(raw)), DateTimeOffset.UtcNow);
        var appended = await Service<IConversationStream>().AppendAsync(mapped, CancellationToken.None).WaitAsync(TestServers.Timeout);
        return (appended, await Service<InteractionFiles>().ListAsync(appended.InteractionId, CancellationToken.None));
    }

    [Fact]
    public async Task AStoredFileDownloadsAsAnAttachmentWithItsUtf8NameAndLockedDownHeaders()
    {
        var (_, files) = await MailWithFilesAsync();
        var pdf = files.Single(f => f.ContentType == "application/pdf");

        var response = await hub.Factory.CreateApiClient().GetAsync($"/api/files/{pdf.Id}").WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Résumé \"final\";.pdf", pdf.FileName);
        Assert.Equal(
            "attachment; filename=\"R_sum_ _final_;.pdf\"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%22final%22%3B.pdf",
            response.Content.Headers.GetValues("Content-Disposition").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("sandbox; default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("%PDF-1.4 test", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheConversationApiListsAttachedFilesWithHubUrlsAndSizesButNotTheInlineImage()
    {
        var (appended, files) = await AppendMailWithFilesAsync();

        var conversation = await hub.Factory.CreateApiClient().GetFromJsonAsync<ConversationDto>($"/api/conversations/{appended.ConversationId}", ApiJson.Options)
            .WaitAsync(TestServers.Timeout);

        var attachments = Assert.Single(conversation!.Interactions).Attachments;
        Assert.Equal(
            files.Where(f => !f.IsInline).Select(f => new AttachmentDto($"/api/files/{f.Id}", f.ContentType, f.FileName, f.Size, TooLarge: false)),
            attachments);
    }

    [Fact]
    public async Task AFileDeclaredAsHtmlIsServedAsOpaqueBytes()
    {
        var (_, files) = await MailWithFilesAsync();
        var page = files.Single(f => f.FileName == "page.html");

        var response = await hub.Factory.CreateApiClient().GetAsync($"/api/files/{page.Id}").WaitAsync(TestServers.Timeout);

        Assert.Equal("text/html", page.ContentType);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("attachment;", response.Content.Headers.GetValues("Content-Disposition").Single());
    }

    [Fact]
    public async Task DownloadsNeedAStaffSignInAndUnknownFilesAre404()
    {
        var (_, files) = await MailWithFilesAsync();

        var anonymous = await hub.Factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync($"/api/files/{files[0].Id}").WaitAsync(TestServers.Timeout);
        var wrongToken = await hub.Factory.CreateApiClient("not-a-configured-token-at-all").GetAsync($"/api/files/{files[0].Id}").WaitAsync(TestServers.Timeout);
        var unknown = await hub.Factory.CreateApiClient().GetAsync("/api/files/987654321").WaitAsync(TestServers.Timeout);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongToken.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task TheFormattedMailShowsItsCidImageThroughASignedUrlThatWorksWithoutACookie()
    {
        var (interactionId, files) = await MailWithFilesAsync();
        var logo = files.Single(f => f.IsInline);

        var html = await hub.Factory.CreateApiClient().GetAsync($"/api/interactions/{interactionId}/html").WaitAsync(TestServers.Timeout);
        var document = await html.Content.ReadAsStringAsync();
        var src = WebUtility.HtmlDecode(ImageSource().Match(document).Groups[1].Value);
        var image = await hub.Factory.CreateClient().GetAsync(new Uri(src).PathAndQuery).WaitAsync(TestServers.Timeout);

        Assert.StartsWith($"http://localhost/api/files/{logo.Id}/inline?t=", src);
        Assert.Contains("img-src http://localhost;", html.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Convert.FromBase64String(Png), await image.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task TheInlineRouteRefusesATamperedExpiredOrForeignSignatureAndNonImages()
    {
        var (_, files) = await MailWithFilesAsync();
        var logo = files.Single(f => f.IsInline);
        var pdf = files.Single(f => f.ContentType == "application/pdf");
        var links = Service<InlineFileLinks>();
        var fresh = links.Sign(logo.Id, DateTimeOffset.UtcNow.AddMinutes(5));
        var client = hub.Factory.CreateClient();

        async Task<HttpStatusCode> GetAsync(long id, string? token) =>
            (await client.GetAsync($"/api/files/{id}/inline" + (token is null ? "" : "?t=" + Uri.EscapeDataString(token))).WaitAsync(TestServers.Timeout)).StatusCode;

        Assert.Equal(HttpStatusCode.OK, await GetAsync(logo.Id, fresh));
        Assert.Equal(HttpStatusCode.Forbidden, await GetAsync(logo.Id, null));
        Assert.Equal(HttpStatusCode.Forbidden, await GetAsync(logo.Id, fresh[..^4] + (fresh[^4..] == "AAAA" ? "BBBB" : "AAAA")));
        Assert.Equal(HttpStatusCode.Forbidden, await GetAsync(logo.Id, links.Sign(logo.Id, DateTimeOffset.UtcNow.AddSeconds(-1))));
        Assert.Equal(HttpStatusCode.Forbidden, await GetAsync(pdf.Id, fresh));
        Assert.Equal(HttpStatusCode.Forbidden, await GetAsync(pdf.Id, links.Sign(pdf.Id, DateTimeOffset.UtcNow.AddMinutes(5))));
    }

    [GeneratedRegex("<img[^>]*src=\"([^\"]+)\"")]
    private static partial Regex ImageSource();
}
