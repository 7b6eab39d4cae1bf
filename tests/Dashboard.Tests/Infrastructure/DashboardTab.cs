using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AccessGrid.Dashboard.Tests.Infrastructure;

/// <summary>One browser tab on the dashboard: signs in the way a person does (typing the key, pressing Enter), moves
/// between pages, keeps what the console said, and saves screenshots as test artifacts.</summary>
public sealed class DashboardTab : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _scriptErrors = [];
    private readonly List<string> _networkErrors = [];

    private DashboardTab(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.WebSocket += (_, socket) =>
        {
            if (socket.Url.Contains("/hub/decisions", StringComparison.Ordinal)) HubOverWebSocket = true;
        };
        page.PageError += (_, error) => { lock (_scriptErrors) _scriptErrors.Add($"uncaught: {error}"); };
        page.Console += (_, message) =>
        {
            if (message.Type != "error") return;
            // Chromium logs every 4xx/5xx answer to fetch() as a console error; those are checked separately because
            // some tests provoke them on purpose (a wrong key, a refused photo).
            var list = message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal) ? _networkErrors : _scriptErrors;
            lock (list) list.Add(message.Text);
        };
    }

    public IPage Page { get; }

    /// <summary>True once the live feed connected over a WebSocket (rather than a fallback transport), which also shows
    /// the pages' content security policy lets it through.</summary>
    public bool HubOverWebSocket { get; private set; }

    public static async Task<DashboardTab> OpenAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        var tab = new DashboardTab(context, page);
        await page.GotoAsync("/");
        await Expect(page.Locator("#api-key")).ToBeFocusedAsync();
        return tab;
    }

    /// <summary>Types the key into the focused sign-in field and presses Enter; waits for the shell or the refusal.</summary>
    public async Task SignInAsync(string key)
    {
        await Page.Keyboard.TypeAsync(key);
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("#topbar:visible, #sign-in-error:visible").First).ToBeVisibleAsync();
    }

    /// <summary>Signs in and waits until the live feed is connected, so no decision can slip past.</summary>
    public async Task SignInLiveAsync(string key)
    {
        await SignInAsync(key);
        await Expect(Page.Locator("#topbar")).ToBeVisibleAsync();
        await Expect(Page.Locator("#feed-status")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 10_000 });
    }

    /// <summary>Follows a navigation link, as a click would.</summary>
    public async Task GoToAsync(string page)
    {
        await Page.Locator($"#nav a[data-page='{page}']").ClickAsync();
        await Expect(Page.Locator("#page")).ToHaveAttributeAsync("data-page", page);
    }

    /// <summary>Fails when the page is wider than the window, naming the elements that stick out.</summary>
    public async Task AssertNoSidewaysScrollAsync(string what)
    {
        var offenders = await Page.EvaluateAsync<string[]>("""
            () => document.documentElement.scrollWidth <= window.innerWidth ? [] :
              [...document.querySelectorAll('body *')]
                .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
                .slice(0, 8)
                .map((e) => `${e.tagName.toLowerCase()}#${e.id}.${e.className} right=${Math.round(e.getBoundingClientRect().right)}`)
            """);
        Assert.True(offenders.Length == 0, $"{what} scrolls sideways: {string.Join("; ", offenders)}");
    }

    private static readonly AxeRunOptions Wcag = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary>axe-core (WCAG 2.1 A and AA rules) finds nothing on the page as it is now.</summary>
    public async Task AssertAccessibleAsync(string what)
    {
        var result = await Page.RunAxe(Wcag);
        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}");
        Assert.True(result.Violations.Length == 0, $"{what}: axe found\n{string.Join('\n', violations)}");
    }

    public async Task ScreenshotAsync(string name) =>
        await Page.ScreenshotAsync(new() { Path = Artifacts.File($"{name}.png"), FullPage = true });

    /// <summary>No script error at all and, unless the test provoked some, no failed request either.</summary>
    public void AssertCleanConsole(bool allowFailedRequests = false)
    {
        lock (_scriptErrors) Assert.True(_scriptErrors.Count == 0, "browser console errors:\n" + string.Join('\n', _scriptErrors));
        if (allowFailedRequests) return;
        lock (_networkErrors) Assert.True(_networkErrors.Count == 0, "failed requests:\n" + string.Join('\n', _networkErrors));
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
