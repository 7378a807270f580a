namespace GbbTeamsBot.AppPackage.Tests;

public sealed class IconTests
{
    private static PngImage Committed(string file) =>
        PngImage.Read(File.ReadAllBytes(Path.Combine(ManifestValidator.ManifestFolder, file)));

    [Fact]
    public void Color_icon_is_a_192_pixel_full_colour_png()
    {
        var icon = Committed("color.png");

        Assert.Equal((192, 192, (byte)8), (icon.Width, icon.Height, icon.BitDepth));
        Assert.Contains(icon.ColorType, new byte[] { 2, 6 });
        var pixels = Enumerable.Range(0, 192 * 192).Select(i => icon.Pixel(i % 192, i / 192)).ToArray();
        Assert.All(pixels, p => Assert.Equal(255, p.A));
        // The traffic-light ring: clearly green, yellow and red pixels next to the blue background.
        Assert.Contains(pixels, p => p.G > 150 && p.R < 120 && p.B < 150);
        Assert.Contains(pixels, p => p.R > 200 && p.G > 160 && p.B < 100);
        Assert.Contains(pixels, p => p.R > 200 && p.G < 130 && p.B < 100);
    }

    [Fact]
    public void Outline_icon_is_32_pixels_white_on_transparent()
    {
        var icon = Committed("outline.png");

        Assert.Equal((32, 32, (byte)8, (byte)6), (icon.Width, icon.Height, icon.BitDepth, icon.ColorType));
        var pixels = Enumerable.Range(0, 32 * 32).Select(i => icon.Pixel(i % 32, i / 32)).ToArray();
        Assert.All(pixels.Where(p => p.A > 0), p => Assert.Equal((255, 255, 255), (p.R, p.G, p.B)));
        Assert.Equal(0, icon.Pixel(0, 0).A);
        Assert.Equal(0, icon.Pixel(31, 31).A);
        Assert.InRange(pixels.Count(p => p.A > 128), 100, 700);
    }

    [Fact]
    public void Committed_icons_are_the_painted_designs()
    {
        Assert.Equal(PngImage.Read(PngWriter.Encode(IconPainter.Color())).Rgba, Committed("color.png").Rgba);
        Assert.Equal(PngImage.Read(PngWriter.Encode(IconPainter.Outline())).Rgba, Committed("outline.png").Rgba);
    }
}
