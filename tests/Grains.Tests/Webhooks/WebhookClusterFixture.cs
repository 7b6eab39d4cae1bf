using System.Collections.Concurrent;
using AccessGrid.Grains.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace AccessGrid.Grains.Tests.Webhooks;

/// <summary>One silo with memory storage and a fake clock, so webhook retries wait for <see cref="Clock"/> rather than
/// real minutes; every log line the silo writes is kept, to prove that secrets never reach the log.</summary>
public sealed class WebhookClusterFixture : IAsyncLifetime
{
    public const string AllowedHost = "hooks.example.test";
    /// <summary>Small, so the bounded-queue test fills it with a few events.</summary>
    public const int MaxPending = 3;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
    public CapturedLog Log { get; } = new();
    public InProcessTestCluster Cluster { get; private set; } = null!;
    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<TimeProvider>(Clock);
            silo.Services.AddSingleton<ILoggerProvider>(Log);
            silo.AddAccessGridGrains(o =>
            {
                o.Webhooks.AllowedHosts = [AllowedHost];
                o.Webhooks.MaxPendingPerWebhook = MaxPending;
            }).AddAccessGridMemoryStorage();
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class WebhookClusterCollection : ICollectionFixture<WebhookClusterFixture>
{
    public const string Name = "webhooks";
}

/// <summary>Every message (and exception) any logger of the silo writes, at every level.</summary>
public sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public string Text => string.Join('\n', _lines);

    public ILogger CreateLogger(string categoryName) => new Logger(_lines);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{formatter(state, exception)} {exception}");
    }
}
