using System.Security.Cryptography;
using System.Text;
using AccessGrid.Vision;

namespace AccessGrid.Grains;

/// <summary>A person's aggregate template: the mean of their enrolled encodings, indexed beside the individual ones
/// (issue 14). With three photos it lowers FNIR from 9.5 % to 5.2 % on lfw-dev's open-set protocol at no cost in FPIR
/// (docs/benchmarks.md, "Open-set identification"): the mean sits nearer the person's other photos than most single
/// photos do. It is derived, never stored in the person's state: the index shard adds it whenever it indexes a person
/// (<see cref="FaceIndexShardGrain"/>), and the 1:1 check compares against it too (<see cref="StaffGrain"/>), so enroll,
/// remove, erase and rebuild all keep it in step with the templates it comes from.</summary>
internal static class MeanTemplate
{
    /// <summary>The templates a person is matched against: theirs, plus their mean when there are at least two.</summary>
    public static FaceTemplate[] With(string staffId, FaceTemplate[] templates) =>
        templates.Length < 2 ? templates : [.. templates, Of(staffId, templates)];

    /// <summary>The mean of <paramref name="templates"/>; quality and date are the newest template's (the mean changed then).</summary>
    public static FaceTemplate Of(string staffId, IReadOnlyList<FaceTemplate> templates)
    {
        var newest = templates.MaxBy(t => t.EnrolledAt)!;
        return new FaceTemplate(IdOf(staffId), EncodingMean.Of([.. templates.Select(t => t.Embedding)]), newest.Quality, newest.EnrolledAt);
    }

    /// <summary>One id per person, whatever the templates: re-indexing after an enrollment replaces the mean in place,
    /// and an index that drops a removed template (which changes the mean) compacts away the old mean with it.</summary>
    public static Guid IdOf(string staffId) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes("mean-template:" + staffId)).AsSpan(0, 16));
}
