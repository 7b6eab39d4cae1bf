using System.CommandLine;
using AccessGrid.Cli.Infrastructure;
using AccessGrid.Vision;
namespace AccessGrid.Cli.Tests.Commands;

public sealed class PipelineKnobsTests
{
    private static (PipelineKnobs Knobs, ParseResult Parsed) ParseOnly(string commandLine)
    {
        var knobs = new PipelineKnobs();
        var command = new RootCommand();
        knobs.AddTo(command);
        return (knobs, command.Parse(commandLine));
    }

    private static (PipelineOptions Options, ParseResult Parsed) Parse(string commandLine)
    {
        var (knobs, parsed) = ParseOnly(commandLine);
        return (knobs.Options(parsed), parsed);
    }

    [Fact]
    public void No_flags_give_the_default_options_and_the_default_name()
    {
        var (options, _) = Parse("");

        Assert.Equal(new PipelineOptions(), options);
        Assert.Equal("default", PipelineKnobs.Describe(options));
    }

    [Fact]
    public void Flags_map_onto_pipeline_options_and_name_the_variant()
    {
        var (options, _) = Parse("--no-mirror --no-rescue --no-tight-crop --detector-size 416 --min-score 0.3 --primary HighestScore");

        Assert.Equal(new PipelineOptions
        {
            MirrorAverage = false, RescueDetectorSize = 0, TightCropMaxSide = 0, DetectorSize = 416, MinDetectionScore = 0.3f,
            PrimaryFace = PrimaryFaceRule.HighestScore,
        }, options);
        Assert.Equal("detector-416+no-rescue+no-tight-crop+no-mirror+min-score-0.3+primary-HighestScore", PipelineKnobs.Describe(options));
    }

    [Fact]
    public void Rescue_size_can_be_changed_without_disabling_it()
    {
        var (options, _) = Parse("--rescue-size 256");

        Assert.Equal(256, options.RescueDetectorSize);
        Assert.Equal("rescue-256", PipelineKnobs.Describe(options));
    }

    [Theory]
    [InlineData("--detector-size 100")]
    [InlineData("--rescue-size 33")]
    [InlineData("--min-score 1.5")]
    public void Out_of_range_values_are_parse_errors(string commandLine)
    {
        Assert.NotEmpty(ParseOnly(commandLine).Parsed.Errors);
    }
}
