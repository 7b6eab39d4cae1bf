using System.Net.Sockets;
using AccessGrid.Gateway.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace AccessGrid.Gateway.Tests;

/// <summary>A dead silo or unreachable storage is the server's moment of trouble, not the reader's mistake and not a
/// bug: 503 with Retry-After (the kill-silo and restart-azurite drills saw 500s before this mapping).</summary>
public sealed class TransientFailureTests
{
    public static TheoryData<Exception> Transient() => new()
    {
        new SiloUnavailableException("silo S127.0.0.1:11113 is dead"),
        new TimeoutException("response did not arrive on time"),
        new InvalidOperationException("storage write failed", new HttpRequestException("connect", new SocketException(111))),
    };

    [Theory]
    [MemberData(nameof(Transient))]
    public async Task Infrastructure_failures_are_503_with_retry_after(Exception failure)
    {
        var (handled, context) = await Handle(failure);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("2", context.Response.Headers.RetryAfter.ToString());
    }

    [Fact]
    public async Task A_bug_is_left_to_the_500_path()
    {
        var (handled, _) = await Handle(new NullReferenceException());

        Assert.False(handled);
    }

    private static async Task<(bool Handled, HttpContext Context)> Handle(Exception failure)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();
        var handler = new ProblemExceptionHandler(services.GetRequiredService<IProblemDetailsService>());
        return (await handler.TryHandleAsync(context, failure, CancellationToken.None), context);
    }
}
