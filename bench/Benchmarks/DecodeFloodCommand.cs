using System.Diagnostics;
using System.Net.Http.Headers;
using SkiaSharp;

namespace AccessGrid.Benchmarks;

/// <summary>`decode flood`: posts N copies of a tiny PNG that declares a huge picture (the worst case for decode memory:
/// ~0.1 MB on the wire, 40 MP in memory) to a running silo's door at once and reports the silo's resident memory.</summary>
public static class DecodeFloodCommand
{
    public static int Run(BenchArguments cl)
    {
        var url = cl.Text("url", "http://127.0.0.1:5080");
        var key = cl.Text("key", "");
        var door = cl.Text("door", "");
        var count = cl.Int("count", 16);
        var megapixels = cl.Int("megapixels", 40);
        var pid = cl.Int("pid", 0);
        cl.RejectUnknown();
        if (key.Length == 0 || door.Length == 0 || pid == 0) throw new ArgumentException("--key, --door and --pid (the silo's process id) are required.");

        var png = HugeFlatPng(megapixels * 1_000_000L);
        Console.WriteLine($"PNG {png.Width}x{png.Height} = {png.Width * (long)png.Height / 1e6:F1} MP, {png.Bytes.Length / 1024.0:F0} KB; silo RSS before {Rss(pid, "VmRSS") / 1e6:F0} MB");

        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        long peak = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, Rss(pid, "VmRSS"));
                await Task.Delay(20);
            }
        });

        var clock = Stopwatch.StartNew();
        var statuses = Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            using var body = new ByteArrayContent(png.Bytes);
            body.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            using var response = await http.PostAsync($"/api/doors/{door}/access", body);
            return (int)response.StatusCode;
        })).GetAwaiter().GetResult();
        var elapsed = clock.Elapsed;
        Thread.Sleep(500);
        sampling.Cancel();
        sampler.GetAwaiter().GetResult();

        Console.WriteLine($"{count} concurrent posts answered in {elapsed.TotalSeconds:F1} s: "
            + string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{g.Key} ×{g.Count()}")));
        Console.WriteLine($"silo RSS: peak sampled {peak / 1e6:F0} MB, VmHWM (peak since start) {Rss(pid, "VmHWM") / 1e6:F0} MB, now {Rss(pid, "VmRSS") / 1e6:F0} MB");
        return 0;
    }

    /// <summary>A black picture of about <paramref name="pixels"/> at 4:3, which PNG compresses to almost nothing.</summary>
    private static (int Width, int Height, byte[] Bytes) HugeFlatPng(long pixels)
    {
        var height = (int)Math.Sqrt(pixels * 3 / 4.0);
        var width = (int)(pixels / height);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
        bitmap.Erase(SKColors.Black);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return (width, height, data.ToArray());
    }

    /// <summary>A /proc/PID/status memory line (VmRSS, VmHWM) in bytes.</summary>
    private static long Rss(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }
}
