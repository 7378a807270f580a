using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace GbbTeamsBot.AppPackage.Tests;

/// <summary>An independent PNG reader for the tests: IHDR fields and, for 8-bit RGB/RGBA, the pixels.</summary>
internal sealed record PngImage(int Width, int Height, byte BitDepth, byte ColorType, byte[] Rgba)
{
    public static PngImage Read(byte[] file)
    {
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        Assert.True(file.AsSpan(0, 8).SequenceEqual(signature), "Not a PNG file.");
        Assert.Equal("IHDR", Encoding.ASCII.GetString(file, 12, 4));
        var width = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(16));
        var height = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(20));
        var bitDepth = file[24];
        var colorType = file[25];

        using var idat = new MemoryStream();
        for (var offset = 8; offset < file.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(offset));
            var type = Encoding.ASCII.GetString(file, offset + 4, 4);
            if (type == "IDAT")
            {
                idat.Write(file, offset + 8, length);
            }

            offset += 12 + length;
        }

        var channels = colorType switch { 6 => 4, 2 => 3, _ => 0 };
        if (bitDepth != 8 || channels == 0)
        {
            return new PngImage(width, height, bitDepth, colorType, []);
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        return new PngImage(width, height, bitDepth, colorType, Unfilter(inflated.ToArray(), width, height, channels));
    }

    public (byte R, byte G, byte B, byte A) Pixel(int x, int y)
    {
        var i = ((y * Width) + x) * 4;
        return (Rgba[i], Rgba[i + 1], Rgba[i + 2], Rgba[i + 3]);
    }

    private static byte[] Unfilter(byte[] data, int width, int height, int channels)
    {
        var stride = width * channels;
        var previous = new byte[stride];
        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            var filter = data[y * (stride + 1)];
            var row = data.AsSpan((y * (stride + 1)) + 1, stride).ToArray();
            for (var i = 0; i < stride; i++)
            {
                int left = i >= channels ? row[i - channels] : 0;
                int up = previous[i];
                int upLeft = i >= channels ? previous[i - channels] : 0;
                row[i] = (byte)(row[i] + filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"Unknown PNG filter {filter}."),
                });
            }

            for (var x = 0; x < width; x++)
            {
                for (var c = 0; c < 4; c++)
                {
                    rgba[(((y * width) + x) * 4) + c] = c < channels ? row[(x * channels) + c] : (byte)255;
                }
            }

            previous = row;
        }

        return rgba;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
