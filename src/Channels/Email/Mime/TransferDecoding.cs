namespace ContactHub.Channels.Email.Mime;

/// <summary>Undoes Content-Transfer-Encoding; 7bit, 8bit and binary bytes are already the content.</summary>
internal static class TransferDecoding
{
    public static byte[] Decode(ReadOnlySpan<byte> body, string? encoding, WarningCollector warnings, string where)
    {
        switch ((encoding ?? "").Trim().ToLowerInvariant())
        {
            case "quoted-printable":
                return QuotedPrintable.Decode(body);
            case "base64":
                var result = Base64.Decode(body);
                if (result.Damaged)
                    warnings.Add(MimeWarningKind.InvalidBase64, $"{where}: damaged base64, kept the {result.Bytes.Length} bytes that decoded");
                return result.Bytes;
            case "" or "7bit" or "8bit" or "binary":
                return body.ToArray();
            default:
                warnings.Add(MimeWarningKind.UnknownTransferEncoding, $"{where}: unknown transfer encoding '{encoding}', content kept as is");
                return body.ToArray();
        }
    }
}
