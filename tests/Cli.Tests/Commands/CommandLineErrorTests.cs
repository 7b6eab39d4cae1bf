namespace AccessGrid.Cli.Tests.Commands;

/// <summary>Bad input of every kind ends in one clear stderr line and a non-zero exit code, never a stack trace.</summary>
public sealed class CommandLineErrorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("accessgrid-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_garbage_file_is_an_input_problem()
    {
        var garbage = Path.Combine(_folder, "garbage.jpg");
        await File.WriteAllBytesAsync(garbage, Enumerable.Range(0, 2000).Select(i => (byte)(i * 7919 % 251)).ToArray());

        var run = await CliRun.InvokeAsync("embed", garbage);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("NotAnImage", run.Error);
        AssertOneCleanLine(run.Error);
    }

    [Fact]
    public async Task A_missing_file_is_an_input_problem()
    {
        var run = await CliRun.InvokeAsync("detect", Path.Combine(_folder, "nope.jpg"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("file not found", run.Error);
        AssertOneCleanLine(run.Error);
    }

    [Fact]
    public async Task An_oversized_file_is_refused_before_reading()
    {
        var huge = Path.Combine(_folder, "huge.jpg");
        using (var file = File.Create(huge)) file.SetLength(101L * 1024 * 1024); // sparse: costs no disk

        var run = await CliRun.InvokeAsync("detect", huge);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("TooLarge", run.Error);
        AssertOneCleanLine(run.Error);
    }

    [Fact]
    public async Task A_folder_instead_of_an_image_is_an_input_problem()
    {
        var run = await CliRun.InvokeAsync("embed", _folder);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("is a folder", run.Error);
        AssertOneCleanLine(run.Error);
    }

    [Fact]
    public async Task Missing_models_say_how_to_install_them()
    {
        var image = Path.Combine(_folder, "tiny.png");
        await File.WriteAllBytesAsync(image, [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);

        var run = await CliRun.InvokeAsync("detect", image, "--models", Path.Combine(_folder, "no-models"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("run ./accessgrid models install", run.Error);
        AssertOneCleanLine(run.Error);
    }

    [Theory]
    [InlineData]
    [InlineData("detect")]
    [InlineData("frobnicate")]
    [InlineData("detect", "a.jpg", "--detector-size", "100")]
    [InlineData("verify", "a.jpg", "b.jpg", "--threshold", "-1")]
    [InlineData("identify", "a.jpg")]
    [InlineData("eval", "pairs", "--pairs", "p.txt", "--images", "dir")]
    public async Task Usage_errors_exit_with_two(params string[] args)
    {
        var run = await CliRun.InvokeAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task A_malformed_pairs_file_names_its_line()
    {
        var pairs = Path.Combine(_folder, "pairs.txt");
        await File.WriteAllLinesAsync(pairs, ["1", "Ann 1 2", "Ann 1 Bob"]);

        var run = await CliRun.InvokeAsync("eval", "pairs", "--pairs", pairs, "--images", _folder, "--out", Path.Combine(_folder, "out"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("pairs.txt:3:", run.Error);
        AssertOneCleanLine(run.Error);
    }

    [Fact]
    public async Task Help_lists_every_command()
    {
        var run = await CliRun.InvokeAsync("--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var command in new[] { "models", "detect", "embed", "verify", "identify", "eval" })
            Assert.Contains(command, run.Output);
    }

    private static void AssertOneCleanLine(string error)
    {
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0]);
    }
}
