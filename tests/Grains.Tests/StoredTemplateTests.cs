using AccessGrid.Vision;

namespace AccessGrid.Grains.Tests;

/// <summary>Templates stored in half precision: small, close enough to the floats, and old float state migrates.</summary>
public sealed class StoredTemplateTests
{
    private static float[] RandomEncoding(Random random)
    {
        var values = Enumerable.Range(0, 128).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var norm = MathF.Sqrt(values.Sum(v => v * v));
        return [.. values.Select(v => v / norm)];
    }

    private static FaceTemplate Template(float[] embedding) =>
        new(Guid.NewGuid(), embedding, new TemplateQuality(0.9f, 120, 300, 0.5f, 0, 0), DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_stored_template_takes_256_bytes_and_moves_a_distance_by_less_than_a_thousandth()
    {
        var random = new Random(13);
        var worst = 0f;
        for (var i = 0; i < 500; i++)
        {
            float[] a = RandomEncoding(random), b = RandomEncoding(random);
            var stored = StoredTemplate.From(Template(a));
            Assert.Equal(256, stored.Half.Length);
            var exact = FaceDistance.Euclidean(a, b);
            worst = Math.Max(worst, Math.Abs(FaceDistance.Euclidean(stored.ToTemplate().Embedding, b) - exact));
        }
        Assert.InRange(worst, 0f, 0.001f);
    }

    [Fact]
    public void Rounding_is_stable_so_state_and_index_hold_the_same_values()
    {
        var rounded = StoredTemplate.Round(RandomEncoding(new Random(7)));
        Assert.Equal(rounded, StoredTemplate.From(Template(rounded)).ToTemplate().Embedding);
    }

    [Fact]
    public void Float_templates_of_old_state_migrate_once()
    {
        var old = Template(RandomEncoding(new Random(3)));
        var state = new StaffState { Name = "Ada", Templates = [old] };

        Assert.True(state.MigrateTemplates());
        Assert.Null(state.Templates);
        var migrated = Assert.Single(state.Faces);
        Assert.Equal(old.TemplateId, migrated.TemplateId);
        Assert.Equal(StoredTemplate.Round(old.Embedding), migrated.ToTemplate().Embedding);
        Assert.False(state.MigrateTemplates());
    }
}
