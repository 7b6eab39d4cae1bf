using Microsoft.Playwright;

namespace AccessGrid.Dashboard.Tests.Infrastructure;

/// <summary>Debian's chromium driven by Playwright: no browser download (it cannot work here), the flags that keep a
/// headless chromium quiet and offline, and a 1366×768 window as the dashboard's smallest supported screen.</summary>
public sealed class ChromiumBrowser : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
        // A fake camera and an auto-accepted permission prompt, so the webcam capture path runs too.
        "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private ChromiumBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    /// <param name="extraFlags">More command-line flags, e.g. <c>--use-file-for-fake-video-capture=FILE.y4m</c>: the
    /// fake camera's picture is a property of the browser process, so a test that needs its own gets its own browser.</param>
    public static async Task<ChromiumBrowser> LaunchAsync(params string[] extraFlags)
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"{ExecutablePath} is missing: run ./accessgrid test (it installs Debian's chromium).");
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Headless = true, Args = [.. Flags, .. extraFlags] });
            return new ChromiumBrowser(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>The phone the dashboard is laid out for as well (an iPhone 12-class screen).</summary>
    public static readonly (int Width, int Height) Phone = (390, 844);

    /// <summary>The smallest desktop window the dashboard supports.</summary>
    public static readonly (int Width, int Height) Desktop = (1366, 768);

    /// <summary>A fresh tab with its own storage (so its sign-in is its own), pointed at a node; 1366×768 unless told.</summary>
    public async Task<DashboardTab> OpenAsync(Uri address, (int Width, int Height)? viewport = null)
    {
        var (width, height) = viewport ?? Desktop;
        var context = await _browser.NewContextAsync(new()
        {
            BaseURL = address.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            Permissions = ["camera"],
        });
        return await DashboardTab.OpenAsync(context);
    }

    /// <summary>A fresh page with its own storage and camera permission, at this viewport size, not navigated yet.</summary>
    public async Task<IPage> NewPageAsync(Uri address, int width, int height)
    {
        var context = await _browser.NewContextAsync(new()
        {
            BaseURL = address.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            Permissions = ["camera"],
        });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
