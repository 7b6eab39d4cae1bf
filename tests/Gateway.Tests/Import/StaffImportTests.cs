using AccessGrid.Cli.Infrastructure;
using AccessGrid.Gateway.Tests.Infrastructure;

namespace AccessGrid.Gateway.Tests.Import;

/// <summary>`accessgrid staff import` against a real host. Its own host and storage (a class fixture): the import
/// enrolls the demo face, which other tests of the shared host may have enrolled under another id.</summary>
public sealed class StaffImportTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("accessgrid-import-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Good_rows_are_imported_bad_ones_rejected_per_row_and_a_rerun_skips_what_is_done()
    {
        using var admin = fixture.Host.Api(fixture.Host.AdminKey);
        await admin.CreateDoor("imp-front", "Front", "hq");
        var photos = Directory.CreateDirectory(Path.Combine(_folder, "photos")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(photos, "alice.jpg"), TestImages.Sample(2));
        await File.WriteAllBytesAsync(Path.Combine(photos, "group.jpg"), TestImages.Sample(1));
        await File.WriteAllTextAsync(Path.Combine(photos, "fake.jpg"), "not a picture");
        var csv = Path.Combine(_folder, "people.csv");
        await File.WriteAllTextAsync(csv, string.Join('\n',
            "id,name,photos,doors,zones",
            "imp-alice,Alice,alice.jpg,imp-front,lab",
            ",No Id,alice.jpg,,",
            "bad id!,Bad,,,",
            "imp-bob,Bob,group.jpg;fake.jpg;ghost.jpg,nosuchdoor,",
            ""));

        var first = await Run(csv, photos);
        var firstRejects = await File.ReadAllLinesAsync(Path.Combine(_folder, "people.rejects.csv"));
        var second = await Run(csv, photos);
        var secondRejects = await File.ReadAllLinesAsync(Path.Combine(_folder, "people.rejects.csv"));

        Assert.Equal(ExitCodes.InputProblem, first.Code);
        Assert.Contains("2 people created", first.Output);
        Assert.Contains("1 photos enrolled", first.Output);
        var alice = await admin.GetStaff("imp-alice");
        Assert.Single(alice.Templates);
        Assert.Equal(2, alice.Grants.Length);
        var reasons = firstRejects.Skip(1).Select(l => l.Split(',')[3]).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["invalid_id", "missing_id", "not_an_image", "photo_not_found", "several_faces", "unknown_door"], reasons);
        Assert.Contains(firstRejects, l => l.StartsWith("5,imp-bob,ghost.jpg,photo_not_found,", StringComparison.Ordinal));

        // The re-run creates and enrolls nothing new: alice's photo and bob's answered photos are in the journal, and
        // the refusals the server gave then are listed again.
        Assert.Equal(firstRejects.Order(StringComparer.Ordinal), secondRejects.Order(StringComparer.Ordinal));
        Assert.Contains("0 people created, 2 already there; 0 photos enrolled, 3 done before", second.Output);
        Assert.Single((await admin.GetStaff("imp-alice")).Templates);
    }

    private async Task<(int Code, string Output)> Run(string csv, string photos)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandRunner.InvokeAsync(AccessGrid.Cli.Program.CreateRootCommand(),
            ["staff", "import", "--csv", csv, "--photos", photos, "--url", fixture.Host.Address.ToString(), "--key", fixture.Host.AdminKey], output, error);
        return (code, output + error.ToString());
    }
}
