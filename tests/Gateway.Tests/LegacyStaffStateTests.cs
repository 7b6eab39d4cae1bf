using AccessGrid.Gateway.Tests.Infrastructure;
using AccessGrid.Grains;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace AccessGrid.Gateway.Tests;

/// <summary>Staff state written before issue 13 (templates as float arrays in the Azure Table grain state) still loads,
/// and is rewritten compactly (half-precision templates, no float arrays) when the person's grain first activates.</summary>
[Collection(GatewayCollection.Name)]
public sealed class LegacyStaffStateTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Float_templates_in_stored_state_load_and_are_rewritten_compactly()
    {
        var storage = fixture.Host.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Staff);
        var grainId = GrainId.Create("staff", "legacy-templates-1");
        var embedding = Enumerable.Range(0, 128).Select(i => (i % 2 == 0 ? 1f : -1f) / MathF.Sqrt(128) * (1 + i / 1000f)).ToArray();
        var template = new FaceTemplate(Guid.NewGuid(), embedding, new TemplateQuality(0.9f, 120, 300, 0.5f, 0, 0), DateTimeOffset.UtcNow);
        // The old shape: the template list filled, no half-precision faces.
        await storage.WriteStateAsync("staff", grainId, new GrainState<StaffState>(new StaffState
        {
            Name = "Legacy Person", Status = StaffStatus.Active, Templates = [template], CreatedAt = DateTimeOffset.UtcNow,
        }));

        var staff = fixture.Host.Services.GetRequiredService<IGrainFactory>().GetGrain<IStaffGrain>("legacy-templates-1");
        var loaded = Assert.Single(await staff.GetTemplates());

        Assert.Equal(template.TemplateId, loaded.TemplateId);
        Assert.Equal(StoredTemplate.Round(embedding), loaded.Embedding);
        Assert.Equal("Legacy Person", (await staff.GetProfile())!.Name);
        var stored = new GrainState<StaffState>(new StaffState());
        await storage.ReadStateAsync("staff", grainId, stored);
        Assert.Null(stored.State!.Templates);
        Assert.Equal(256, Assert.Single(stored.State!.Faces).Half.Length);
    }
}
