using AccessGrid.Vision;
using static AccessGrid.Grains.Tests.Policy.SyntheticFaces;

namespace AccessGrid.Grains.Tests.Policy;

/// <summary>A person's mean template is indexed beside their own (issue 14): two enrollment photos either side of the
/// person's "true" face, each too far from a probe of that face to match alone, while their mean matches it exactly.
/// It follows the templates through 1:K, 1:1, a rebuild from staff state and removal.</summary>
[Collection(PolicyClusterCollection.Name)]
public sealed class MeanTemplateTests(PolicyClusterFixture fixture)
{
    private static readonly DecisionThresholds Thresholds = new();

    /// <summary>Each photo this far from the probe: beyond the 1:K ceiling and the 1:1 limit, so only the mean can match.</summary>
    private const float PhotoDistance = 0.40f;

    [Fact]
    public async Task The_mean_of_two_photos_identifies_and_verifies_a_face_neither_photo_matches_alone()
    {
        var door = fixture.Client.GetGrain<IDoorGrain>(ClusterFixture.NewId("door"));
        await door.Create("Mean door", "lobby", DoorMode.Both, LivenessPolicy.Off);
        var plane = NewPlane();
        var staff = fixture.Client.GetGrain<IStaffGrain>(ClusterFixture.NewId("staff"));
        await staff.Create("Two photos");
        await staff.SetGrant(GrantScope.Door, door.GetPrimaryKeyString(), GrantTerms.Always);
        var angle = AngleFor(PhotoDistance);
        Assert.True((await staff.Enroll(Frame(plane.At(-angle)))).Accepted);
        var probe = Frame(plane.At(0));

        // One photo: nothing to average, and the probe is too far from it.
        Assert.Equal(DecisionReason.UnknownFace, (await door.Access(probe)).Reason);
        Assert.Equal(DecisionReason.NotClaimedPerson, (await door.Verify(probe, staff.GetPrimaryKeyString())).Reason);

        Assert.True((await staff.Enroll(Frame(plane.At(angle)))).Accepted);
        var identified = await door.Access(probe);
        Assert.Equal((DecisionReason.Identified, staff.GetPrimaryKeyString()), (identified.Reason, identified.StaffId));
        Assert.InRange(identified.Distance!.Value, 0f, 1e-3f);
        Assert.Equal(DecisionReason.Verified, (await door.Verify(probe, staff.GetPrimaryKeyString())).Reason);
        // The person's state holds their two templates only: the mean is derived, never stored or listed.
        Assert.Equal(2, (await staff.GetTemplates()).Length);
        Assert.Equal(2, (await staff.GetProfile())!.Templates.Length);
        Assert.True(PhotoDistance > Thresholds.IdentifyCeiling && PhotoDistance > Thresholds.VerifyMaxDistance);

        // A shard rebuilt from staff state indexes the mean again.
        await fixture.Client.GetGrain<IFaceIndexGrain>(0).Rebuild();
        var hit = (await fixture.Client.GetGrain<IFaceIndexGrain>(0).Search(probe.Faces[0].Embedding, 1)).Hits.Single();
        Assert.Equal((staff.GetPrimaryKeyString(), MeanTemplate.IdOf(staff.GetPrimaryKeyString())), (hit.StaffId, hit.TemplateId));

        // Removing the faces removes the mean with them.
        await staff.RemoveFaces();
        Assert.Equal(DecisionReason.UnknownFace, (await door.Access(probe)).Reason);
        Assert.DoesNotContain((await fixture.Client.GetGrain<IFaceIndexGrain>(0).Search(probe.Faces[0].Embedding, 5)).Hits,
            h => h.StaffId == staff.GetPrimaryKeyString());
    }

    [Fact]
    public void The_mean_has_one_id_per_person_and_is_added_from_two_templates_on()
    {
        var plane = NewPlane();
        FaceTemplate T(double angle) => new(Guid.NewGuid(), plane.At(angle), Good, PolicyClusterFixture.Start);
        var one = new[] { T(0.1) };
        var two = new[] { T(0.1), T(-0.1) };

        Assert.Same(one, MeanTemplate.With("a", one));
        var withMean = MeanTemplate.With("a", two);
        Assert.Equal(3, withMean.Length);
        Assert.Equal(MeanTemplate.IdOf("a"), withMean[2].TemplateId);
        Assert.NotEqual(MeanTemplate.IdOf("a"), MeanTemplate.IdOf("b"));
        Assert.Equal(0f, FaceDistance.Euclidean(withMean[2].Embedding, plane.At(0)), 5);
    }
}
