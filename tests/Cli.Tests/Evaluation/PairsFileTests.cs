using AccessGrid.Cli.Evaluation;
using AccessGrid.TestSupport;

namespace AccessGrid.Cli.Tests.Evaluation;

public sealed class PairsFileTests
{
    [Fact]
    public void View1_header_is_one_fold_of_same_then_different_pairs()
    {
        var file = PairsFile.Parse(["2", "Ann\t1\t2", "Bob 3 4", "Ann\t1\tBob\t3", "Cid 2 Dee 7"]);

        Assert.Equal(1, file.FoldCount);
        Assert.Equal(2, file.PairsPerClass);
        Assert.Equal([true, true, false, false], file.Pairs.Select(p => p.Same));
        Assert.Equal(new ImagePair(new LfwImage("Cid", 2), new LfwImage("Dee", 7), false, 0), file.Pairs[3]);
        Assert.Equal(Path.Combine("Ann", "Ann_0001.jpg"), file.Pairs[0].A.RelativePath);
    }

    [Fact]
    public void View2_header_assigns_folds_by_position()
    {
        var file = PairsFile.Parse(["2 1", "Ann 1 2", "Ann 1 Bob 1", "Cid 1 3", "Cid 1 Dee 2", ""]);

        Assert.Equal(2, file.FoldCount);
        Assert.Equal([0, 0, 1, 1], file.Pairs.Select(p => p.Fold));
    }

    [Fact]
    public void Distinct_images_lists_each_image_once()
    {
        var file = PairsFile.Parse(["1", "Ann 1 2", "Ann 1 Bob 1"]);

        Assert.Equal([new LfwImage("Ann", 1), new LfwImage("Ann", 2), new LfwImage("Bob", 1)], file.DistinctImages());
    }

    [Theory]
    [InlineData(new[] { "" }, "empty file")]
    [InlineData(new[] { "x" }, "pair count must be a positive integer")]
    [InlineData(new[] { "1 2 3" }, "header must be")]
    [InlineData(new[] { "1", "Ann 1 2", "Ann 1" }, ":3: expected \"name n1 n2\"")]
    [InlineData(new[] { "1", "Ann 1 2", "Ann 1 Bob 2 3" }, ":3: expected \"name n1 n2\"")]
    [InlineData(new[] { "1", "Ann one 2", "Ann 1 Bob 1" }, ":2: image number must be 1..9999")]
    [InlineData(new[] { "1", "Ann 0 2", "Ann 1 Bob 1" }, ":2: image number must be 1..9999")]
    [InlineData(new[] { "1", "../etc 1 2", "Ann 1 Bob 1" }, "is not a valid person name")]
    [InlineData(new[] { "1", "Ann 1 2" }, "header promises 2 pairs, found 1")]
    [InlineData(new[] { "1", "Ann 1 2", "Ann 1 Bob 1", "Cid 1 2" }, ":4: more pairs than the header's 2")]
    [InlineData(new[] { "1", "Ann 1 2", "Bob 1 2" }, "fold 1 has 2 same-person and 0 different-person pairs")]
    public void Malformed_files_fail_with_a_message_naming_the_problem(string[] lines, string expected)
    {
        var error = Assert.Throws<PairsFileException>(() => PairsFile.Parse(lines, "pairs.txt"));

        Assert.Contains(expected, error.Message);
        Assert.StartsWith("pairs.txt", error.Message);
    }

    [Fact]
    public void A_missing_file_is_a_typed_error()
    {
        var error = Assert.Throws<PairsFileException>(() => PairsFile.Load("/nonexistent/pairs.txt"));
        Assert.Contains("not found", error.Message);
    }

    [SharedDataFact]
    public void The_lfw_dev_files_parse()
    {
        var train = PairsFile.Load(RepoPaths.Shared("datasets", "lfw-dev", "pairsDevTrain.txt"));
        var test = PairsFile.Load(RepoPaths.Shared("datasets", "lfw-dev", "pairsDevTest.txt"));

        Assert.Equal((1, 1100, 2200), (train.FoldCount, train.PairsPerClass, train.Pairs.Count));
        Assert.Equal((1, 500, 1000), (test.FoldCount, test.PairsPerClass, test.Pairs.Count));
    }
}
