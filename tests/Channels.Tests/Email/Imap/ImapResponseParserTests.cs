using System.Text;
using ContactHub.Channels.Email.Imap;
using ContactHub.Channels.Tests.Email;

namespace ContactHub.Channels.Tests.Email.Imap;

public sealed class ImapResponseParserTests
{
    private static async Task<List<ImapResponse>> ReadAllAsync(byte[] server, int chunk)
    {
        var reader = new ImapResponseReader(new ScriptedStream(server, chunk));
        var responses = new List<ImapResponse>();
        while (true)
        {
            try
            {
                responses.Add(await reader.ReadResponseAsync(CancellationToken.None).WaitAsync(Timeouts.Await));
            }
            catch (IOException) when (responses.Count > 0)
            {
                return responses;
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task TranscriptFetchLiteralIsTheExactEmlBytesHoweverTheReadsAreSplit(int chunk)
    {
        var responses = await ReadAllAsync(ImapTranscript.Load().Server, chunk);

        var fetch = Assert.Single(responses, r => r.Name == "FETCH");
        Assert.Equal(41u, fetch.Number);
        var message = ImapClient.ParseFetch(fetch.Values[0].Items, 1773100000);
        Assert.NotNull(message);
        Assert.Equal(1043u, message.Uid);
        Assert.Empty(message.Flags);
        Assert.Equal(TestMail.FixtureBytes("01_plain_ascii.eml"), message.RawMessage);
    }

    [Fact]
    public async Task TranscriptResponsesAreClassifiedWithTheirCodes()
    {
        var responses = await ReadAllAsync(ImapTranscript.Load().Server, 1);

        Assert.Equal(ImapStatus.Ok, responses[0].Status);
        Assert.Equal("CAPABILITY", responses[0].CodeName);
        Assert.Equal("Dovecot ready.", responses[0].Text);
        Assert.Contains(responses, r => r.CodeName == "UIDVALIDITY" && r.CodeArgument == "1773100000");
        Assert.Contains(responses, r => r.CodeName == "UIDNEXT" && r.CodeArgument == "1044");
        Assert.Contains(responses, r => r.Name == "EXISTS" && r.Number == 41);
        Assert.Contains(responses, r => r.Kind == ImapResponseKind.Continuation && r.Text == "idling");
        Assert.Contains(responses, r => r.Kind == ImapResponseKind.Tagged && r.Tag == "a2" && r.CodeName == "READ-WRITE");
        var search = responses.First(r => r.Name == "SEARCH");
        Assert.Equal("1043", Assert.Single(search.Values).Text);
        Assert.Contains(responses, r => r.Status == ImapStatus.Bye);
    }

    [Fact]
    public async Task FetchItemsAreUnderstoodInAnyOrder()
    {
        var server = "* 3 FETCH (BODY[] {5}\r\nhello FLAGS (\\Seen $ContactHubProcessed) UID 7)\r\n"
            + "* 4 FETCH (FLAGS () UID 8 BODY[] {3}\r\nbye)\r\n";
        var responses = await ReadAllAsync(Encoding.ASCII.GetBytes(server), 1);

        var first = ImapClient.ParseFetch(responses[0].Values[0].Items, 1)!;
        Assert.Equal(7u, first.Uid);
        Assert.Equal(["\\Seen", "$ContactHubProcessed"], first.Flags);
        Assert.Equal("hello"u8.ToArray(), first.RawMessage);
        var second = ImapClient.ParseFetch(responses[1].Values[0].Items, 1)!;
        Assert.Equal(8u, second.Uid);
        Assert.Equal("bye"u8.ToArray(), second.RawMessage);
    }

    [Fact]
    public async Task QuotedStringsAreUnescapedAndNilIsRecognised()
    {
        var server = "* LIST (\\HasNoChildren) NIL \"Sales \\\"EU\\\" \\\\ Queue\"\r\n"
            + "* 1 FETCH (UID 9 BODY[] \"tiny\" ENVELOPE (NIL \"subj\" NIL))\r\n";
        var responses = await ReadAllAsync(Encoding.ASCII.GetBytes(server), 3);

        var list = responses[0];
        Assert.Equal("LIST", list.Name);
        Assert.Equal(ImapValueKind.List, list.Values[0].Kind);
        Assert.Same(ImapValue.Nil, list.Values[1]);
        Assert.Equal("Sales \"EU\" \\ Queue", list.Values[2].AsString());
        var fetch = ImapClient.ParseFetch(responses[1].Values[0].Items, 1)!;
        Assert.Equal("tiny"u8.ToArray(), fetch.RawMessage);
        var envelope = responses[1].Values[0].Items[5];
        Assert.Equal(ImapValueKind.Nil, envelope.Items[0].Kind);
    }

    [Fact]
    public async Task NonSynchronisingAndBinaryLiteralsAndEmptyLiteralsAreRead()
    {
        var server = "* 1 FETCH (UID 1 BODY[] {4+}\r\nab\r\n)\r\n* 2 FETCH (UID 2 BODY[] ~{3}\r\n\0\x01\x02)\r\n* 3 FETCH (UID 3 BODY[] {0}\r\n)\r\n";
        var responses = await ReadAllAsync(Encoding.Latin1.GetBytes(server), 1);

        Assert.Equal("ab\r\n"u8.ToArray(), ImapClient.ParseFetch(responses[0].Values[0].Items, 1)!.RawMessage);
        Assert.Equal(new byte[] { 0, 1, 2 }, ImapClient.ParseFetch(responses[1].Values[0].Items, 1)!.RawMessage);
        Assert.Empty(ImapClient.ParseFetch(responses[2].Values[0].Items, 1)!.RawMessage);
    }

    [Fact]
    public async Task BracketedSectionWithSpacesStaysOneItem()
    {
        var server = "* 1 FETCH (UID 5 BODY[HEADER.FIELDS (FROM TO)] {4}\r\nX: y FLAGS ())\r\n";
        var responses = await ReadAllAsync(Encoding.ASCII.GetBytes(server), 1);

        var items = responses[0].Values[0].Items;
        Assert.Equal("BODY[HEADER.FIELDS (FROM TO)]", items[2].Text);
        Assert.Equal("X: y"u8.ToArray(), items[3].Bytes);
    }

    [Fact]
    public async Task LargeLiteralIsReadExactlyAcrossManyReads()
    {
        var body = new byte[3 * 1024 * 1024 + 17];
        new Random(42).NextBytes(body);
        var head = Encoding.ASCII.GetBytes($"* 1 FETCH (UID 77 BODY[] {{{body.Length}}}\r\n");
        var tail = Encoding.ASCII.GetBytes(")\r\na1 OK done\r\n");
        var reader = new ImapResponseReader(new ScriptedStream([.. head, .. body, .. tail], chunk: 1000));

        var fetch = await reader.ReadResponseAsync(CancellationToken.None).WaitAsync(Timeouts.Await);
        var done = await reader.ReadResponseAsync(CancellationToken.None).WaitAsync(Timeouts.Await);

        Assert.Equal(body, ImapClient.ParseFetch(fetch.Values[0].Items, 1)!.RawMessage);
        Assert.Equal(ImapStatus.Ok, done.Status);
    }

    [Fact]
    public async Task ConnectionClosedInsideALiteralIsAnIOException()
    {
        var reader = new ImapResponseReader(new ScriptedStream("* 1 FETCH (UID 1 BODY[] {100}\r\nonly a little", 1));

        await Assert.ThrowsAnyAsync<IOException>(() => reader.ReadResponseAsync(CancellationToken.None).WaitAsync(Timeouts.Await));
    }

    [Fact]
    public async Task LiteralOverTheLimitIsRefusedBeforeAllocating()
    {
        var reader = new ImapResponseReader(new ScriptedStream("* 1 FETCH (UID 1 BODY[] {999999999999}\r\n", 1), maxLiteralSize: 1024);

        await Assert.ThrowsAsync<ImapProtocolException>(() => reader.ReadResponseAsync(CancellationToken.None).WaitAsync(Timeouts.Await));
    }

    [Fact]
    public async Task UnbalancedListIsAProtocolError()
    {
        var reader = new ImapResponseReader(new ScriptedStream("* 1 FETCH (UID 1\r\n", 1));

        await Assert.ThrowsAsync<ImapProtocolException>(() => reader.ReadResponseAsync(CancellationToken.None).WaitAsync(Timeouts.Await));
    }
}
