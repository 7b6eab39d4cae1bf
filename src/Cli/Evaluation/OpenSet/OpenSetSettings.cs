namespace AccessGrid.Cli.Evaluation.OpenSet;

/// <summary>The open-set protocol's knobs.</summary>
/// <param name="Enroll">Photos enrolled per gallery person; people with more than this many photos form the gallery.</param>
/// <param name="Impostors">Never-enrolled people whose photos are the impostor probes (the rest of the never-enrolled
/// people are distractors: enrolled, never probed).</param>
/// <param name="GallerySize">Identities in the gallery at the reported operating point: fewer than the gallery people
/// keeps the first ones; more adds distractors. Null: the gallery people only.</param>
/// <param name="MaxProbeYaw">Probes whose face is turned further are answered low_quality (a miss, never a grant): the
/// quality-aware-probe lever. Null: the pipeline's faces as they come (the door's decision gate allows 60°).</param>
/// <param name="Aggregate">Also enroll each person's mean template beside the individual ones, as the door's index does
/// (issue 14; on by default, off measures the lever).</param>
/// <param name="ScoreNormCohort">Score normalisation against each person's <see cref="NeighbourhoodOffsets"/> of this
/// many nearest other identities (a lever, measured only); null: raw distances, as the door.</param>
public sealed record OpenSetSettings(int Enroll, int Impostors = OpenSetSettings.DefaultImpostors, int? GallerySize = null, bool Aggregate = true,
    float? MaxProbeYaw = null, int? ScoreNormCohort = null)
{
    /// <summary>As in the protocol issue 14 measured on: 1,000 never-enrolled people.</summary>
    public const int DefaultImpostors = 1000;

    /// <summary>Seed of the one shuffle that decides who is an impostor and who a distractor, so runs are comparable.</summary>
    public const int Seed = 14;
}
