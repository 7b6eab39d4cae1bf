using AccessGrid.TestSupport;

namespace AccessGrid.Vision.Tests.Pipeline;

/// <summary>Decoding face-api's own detector head for demo sample 1 (golden tiny_sample1_out.bin) finds the
/// faces our pipeline finds in the same photo.</summary>
[Collection(PipelineCollection.Name)]
public sealed class DetectorHeadParityTests(PipelineFixture fixture)
{
    [SharedDataFact]
    public void Golden_head_decodes_to_the_pipeline_boxes()
    {
        var bytes = File.ReadAllBytes(RepoPaths.Shared("golden", "face-api-1.7.15", "tiny_sample1_out.bin"));
        var head = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, head, 0, bytes.Length);
        var analysis = fixture.Sample(1);

        var boxes = NonMaxSuppression.Apply(TinyYoloHead.Decode(head, 13, 0.5f, Math.Max(analysis.Width, analysis.Height)), 0.4f);

        Assert.Equal(analysis.Faces.Count, boxes.Count);
        foreach (var face in analysis.Faces)
            Assert.True(boxes.Max(b => NonMaxSuppression.IoU(b.Box, face.Box)) > 0.9f, $"no golden box for {face.Box}");
    }
}
