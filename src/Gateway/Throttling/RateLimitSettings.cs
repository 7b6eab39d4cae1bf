using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace AccessGrid.Gateway.Throttling;

/// <summary>The limits of <c>AccessGrid:RateLimits</c> (docs/security.md, "Throttling"). The defaults stop key guessing
/// and a runaway or cloned reader without ever slowing a normal reader, which sends a few frames a second in bursts.</summary>
public sealed record RateLimitSettings
{
    public const string Section = "AccessGrid:RateLimits";

    /// <summary>Failed authentications (401s) one remote address may cause per <see cref="FailedAuthWindow"/>; after that
    /// its requests get 429 before any key is looked at, until the window ends.</summary>
    public int FailedAuthPerAddress { get; init; } = 20;
    public TimeSpan FailedAuthWindow { get; init; } = TimeSpan.FromMinutes(1);
    /// <summary>Decisions per second one reader key may ask for (a token bucket: this many at once, refilled each second).</summary>
    public int ReaderKeyDecisionsPerSecond { get; init; } = 20;
    /// <summary>Decisions per second one door may see, whatever the key.</summary>
    public int DoorDecisionsPerSecond { get; init; } = 20;
    /// <summary>Decisions over the rate that wait for the next second instead of being refused at once.</summary>
    public int DecisionQueue { get; init; } = 10;

    /// <summary>Reads the section; a value that cannot work throws <see cref="FormatException"/> naming the setting.</summary>
    public static RateLimitSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var defaults = new RateLimitSettings();
        return new RateLimitSettings
        {
            FailedAuthPerAddress = Count(section, nameof(FailedAuthPerAddress), defaults.FailedAuthPerAddress, minimum: 1),
            FailedAuthWindow = Span(section, nameof(FailedAuthWindow), defaults.FailedAuthWindow),
            ReaderKeyDecisionsPerSecond = Count(section, nameof(ReaderKeyDecisionsPerSecond), defaults.ReaderKeyDecisionsPerSecond, minimum: 1),
            DoorDecisionsPerSecond = Count(section, nameof(DoorDecisionsPerSecond), defaults.DoorDecisionsPerSecond, minimum: 1),
            DecisionQueue = Count(section, nameof(DecisionQueue), defaults.DecisionQueue, minimum: 0),
        };
    }

    private static int Count(IConfigurationSection section, string name, int fallback, int minimum) =>
        section[name] is not { } text || string.IsNullOrWhiteSpace(text) ? fallback
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= minimum ? value
        : throw new FormatException($"{Section}:{name} must be a whole number >= {minimum}, not '{text}'.");

    private static TimeSpan Span(IConfigurationSection section, string name, TimeSpan fallback) =>
        section[name] is not { } text || string.IsNullOrWhiteSpace(text) ? fallback
        : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero ? value
        : throw new FormatException($"{Section}:{name} must be a positive time span (e.g. 00:01:00), not '{text}'.");
}
