using AccessGrid.Cli.Import;
using AccessGrid.Cli.Infrastructure;

namespace AccessGrid.Cli.Tests.Import;

public sealed class StaffCsvTests
{
    [Fact]
    public void Rows_are_read_by_header_name_with_quoted_fields_and_lists()
    {
        var (rows, rejects) = StaffCsv.Parse("name,id,photos,zones,doors\r\n\"Smith, Ann\",ann,a.jpg; b.jpg,lab,front;back\r\nBob,bob,,,\n");

        Assert.Empty(rejects);
        Assert.Equal(2, rows.Count);
        var ann = rows[0];
        Assert.Equal((2, "ann", "Smith, Ann"), (ann.Line, ann.Id, ann.Name));
        Assert.Equal(["a.jpg", "b.jpg"], ann.Photos);
        Assert.Equal(["front", "back"], ann.Doors);
        Assert.Equal(["lab"], ann.Zones);
        Assert.Equal(3, rows[1].Line);
        Assert.Empty(rows[1].Photos);
    }

    [Fact]
    public void Malformed_rows_are_rejected_one_by_one_and_the_rest_kept()
    {
        var text = "id,name,photos\n,No Id,x.jpg\nann,,\nbob,Bob,a.jpg,extra\n\n\"carl\",\"Carl \"\"C\"\"\",c.jpg\n";

        var (rows, rejects) = StaffCsv.Parse(text);

        Assert.Equal(["missing_id", "missing_name", "malformed_row"], rejects.Select(r => r.Reason));
        Assert.Equal([2, 3, 4], rejects.Select(r => r.Line));
        var carl = Assert.Single(rows);
        Assert.Equal("Carl \"C\"", carl.Name);
        Assert.Equal(6, carl.Line);
    }

    [Fact]
    public void A_file_without_the_required_columns_is_refused_as_a_whole()
    {
        Assert.Contains("id and name", Assert.Throws<CliException>(() => StaffCsv.Parse("name,photos\nAnn,a.jpg\n")).Message);
        Assert.Contains("empty", Assert.Throws<CliException>(() => StaffCsv.Parse("")).Message);
    }
}
