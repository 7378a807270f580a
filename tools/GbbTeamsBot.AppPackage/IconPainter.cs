namespace GbbTeamsBot.AppPackage;

/// <summary>
/// Draws the app icons: a clock (timed phases) inside a ring split into three equal green / yellow / red
/// segments (the Ampeltorte), surrounded by a circle of colleagues. The outline icon is the same symbol in
/// white on transparent, without the colleagues, as Teams asks for 32x32 outlines.
/// </summary>
internal static class IconPainter
{
    public const int ColorSize = 192;
    public const int OutlineSize = 32;

    private const int Samples = 4; // 4x4 supersampling for smooth edges

    private static readonly Rgba Background = Rgba.FromHex("#1F5F8B");
    private static readonly Rgba White = new(255, 255, 255, 255);
    private static readonly Rgba Green = Rgba.FromHex("#5BB974");
    private static readonly Rgba Yellow = Rgba.FromHex("#F6C343");
    private static readonly Rgba Red = Rgba.FromHex("#E8684A");
    private static readonly Rgba Transparent = new(0, 0, 0, 0);

    public static RgbaImage Color()
    {
        const double c = ColorSize / 2.0;
        var layers = new List<(Func<double, double, bool> Hit, Rgba Color)>
        {
            ((_, _) => true, Background),
            (Segment(c, c, 44, 58, -90, 30, 3.5), Green),
            (Segment(c, c, 44, 58, 30, 150, 3.5), Yellow),
            (Segment(c, c, 44, 58, 150, 270, 3.5), Red),
            (Disk(c, c, 35), White),
            (Capsule(c, c, c, c - 25, 3.5), Background),
            (Capsule(c, c, c + 16 * Math.Cos(-Math.PI / 6), c + 16 * Math.Sin(-Math.PI / 6), 3.5), Background),
            (Disk(c, c, 6), Background),
        };
        for (var i = 0; i < 6; i++)
        {
            var angle = (-60 + (i * 60)) * Math.PI / 180;
            layers.Add((Disk(c + (77 * Math.Cos(angle)), c + (77 * Math.Sin(angle)), 9), White));
        }

        return Paint(ColorSize, layers);
    }

    public static RgbaImage Outline()
    {
        const double c = OutlineSize / 2.0;
        return Paint(OutlineSize,
        [
            ((_, _) => true, Transparent),
            (Segment(c, c, 9.8, 13, -90, 30, 1.2), White),
            (Segment(c, c, 9.8, 13, 30, 150, 1.2), White),
            (Segment(c, c, 9.8, 13, 150, 270, 1.2), White),
            (Capsule(c, c, c, c - 7, 1.2), White),
            (Capsule(c, c, c + 5 * Math.Cos(-Math.PI / 6), c + 5 * Math.Sin(-Math.PI / 6), 1.2), White),
            (Disk(c, c, 2), White),
        ]);
    }

    private static RgbaImage Paint(int size, IReadOnlyList<(Func<double, double, bool> Hit, Rgba Color)> layers)
    {
        var image = new RgbaImage(size, size);
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                double r = 0, g = 0, b = 0, a = 0;
                for (var sy = 0; sy < Samples; sy++)
                {
                    for (var sx = 0; sx < Samples; sx++)
                    {
                        var px = x + ((sx + 0.5) / Samples);
                        var py = y + ((sy + 0.5) / Samples);
                        var color = Transparent;
                        foreach (var (hit, layerColor) in layers)
                        {
                            if (hit(px, py))
                            {
                                color = layerColor;
                            }
                        }

                        // Premultiplied accumulation keeps edges against transparency clean.
                        var alpha = color.A / 255.0;
                        r += color.R * alpha;
                        g += color.G * alpha;
                        b += color.B * alpha;
                        a += alpha;
                    }
                }

                var offset = ((y * size) + x) * 4;
                image.Pixels[offset + 3] = (byte)Math.Round(a / (Samples * Samples) * 255);
                if (a > 0)
                {
                    image.Pixels[offset] = (byte)Math.Round(r / a);
                    image.Pixels[offset + 1] = (byte)Math.Round(g / a);
                    image.Pixels[offset + 2] = (byte)Math.Round(b / a);
                }
            }
        }

        return image;
    }

    private static Func<double, double, bool> Disk(double cx, double cy, double radius) =>
        (x, y) => ((x - cx) * (x - cx)) + ((y - cy) * (y - cy)) <= radius * radius;

    /// <summary>Part of a ring between two angles (degrees, clockwise from 3 o'clock), with a small gap at both ends.</summary>
    private static Func<double, double, bool> Segment(double cx, double cy, double inner, double outer, double from, double to, double gapPixels)
    {
        return (x, y) =>
        {
            var dx = x - cx;
            var dy = y - cy;
            var distance = Math.Sqrt((dx * dx) + (dy * dy));
            if (distance < inner || distance > outer)
            {
                return false;
            }

            var angle = Math.Atan2(dy, dx) * 180 / Math.PI;
            var gap = gapPixels / distance * 180 / Math.PI;
            for (var turn = -360; turn <= 360; turn += 360)
            {
                if (angle + turn >= from + gap && angle + turn <= to - gap)
                {
                    return true;
                }
            }

            return false;
        };
    }

    /// <summary>A line with round ends (clock hand).</summary>
    private static Func<double, double, bool> Capsule(double x1, double y1, double x2, double y2, double radius) =>
        (x, y) =>
        {
            var dx = x2 - x1;
            var dy = y2 - y1;
            var t = Math.Clamp((((x - x1) * dx) + ((y - y1) * dy)) / ((dx * dx) + (dy * dy)), 0, 1);
            var px = x1 + (t * dx) - x;
            var py = y1 + (t * dy) - y;
            return (px * px) + (py * py) <= radius * radius;
        };

    private readonly record struct Rgba(byte R, byte G, byte B, byte A)
    {
        public static Rgba FromHex(string hex) => new(
            Convert.ToByte(hex[1..3], 16),
            Convert.ToByte(hex[3..5], 16),
            Convert.ToByte(hex[5..7], 16),
            255);
    }
}
