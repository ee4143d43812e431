using System.IO.Compression;
using System.Text;

namespace ContactHub.StandIns.Simulator.Telegram;

/// <summary>Small but real files for the demo's customers to send: a PNG picture, a text receipt, a voice note.</summary>
public static class DemoFiles
{
    /// <summary>A 32x24 PNG of one flat colour, built here so the repository carries no binary.</summary>
    public static byte[] Picture(byte red, byte green, byte blue)
    {
        const int width = 32, height = 24;
        var raw = new byte[height * (1 + width * 3)];
        for (var y = 0; y < height; y++)
        {
            var row = y * (1 + width * 3);
            for (var x = 0; x < width; x++)
            {
                raw[row + 1 + x * 3] = red;
                raw[row + 2 + x * 3] = green;
                raw[row + 3 + x * 3] = blue;
            }
        }
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        WriteBigEndian(header, 0, width);
        WriteBigEndian(header, 4, height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: RGB
        Chunk(png, "IHDR", header);
        using (var deflated = new MemoryStream())
        {
            using (var zlib = new ZLibStream(deflated, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(raw);
            }
            Chunk(png, "IDAT", deflated.ToArray());
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    public static byte[] Receipt(string order) =>
        Encoding.UTF8.GetBytes($"RECEIPT\nOrder {order}\n1 x Blue jacket (M)   89.00 EUR\nPaid by card on 2026-11-02\n");

    /// <summary>Not a playable recording (the demo has no microphone): an Ogg page header, enough to be stored and downloaded as audio.</summary>
    public static byte[] VoiceNote() => [.. "OggS"u8, 0, 2, .. new byte[22], .. Encoding.ASCII.GetBytes("OpusHead")];

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        WriteBigEndian(length, 0, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        WriteBigEndian(crc, 0, (int)Crc32(typed));
        png.Write(crc);
    }

    /// <summary>PNG's CRC-32 (ISO 3309, reflected 0xEDB88320); System.IO.Hashing is not on the registry.</summary>
    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }

    private static void WriteBigEndian(byte[] target, int offset, int value) =>
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(target.AsSpan(offset), value);
}
