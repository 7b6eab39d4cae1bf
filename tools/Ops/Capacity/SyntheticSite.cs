using AccessGrid.Grains;

namespace AccessGrid.Ops.Capacity;

/// <summary>Grows a running AccessGrid the way a site grows, through the product's own grains so that every row has
/// its real size: people created, enrolled (unit-vector encodings with good quality, far from every real face) and
/// granted a zone; door decisions appended to the audit exactly as a door grain writes them (ids only, sealed into
/// the day's chain). Deterministic for a seed.</summary>
public sealed class SyntheticSite(IGrainFactory grains, IReadOnlyList<string> doors, string zone, int templatesPerPerson, int seed = 7)
{
    private const int Parallelism = 32;
    private static readonly TemplateQuality GoodQuality = new(0.99f, 160, 400, 0.5f, 2, 5);

    public int People { get; private set; }
    public long Decisions { get; private set; }

    /// <summary>Creates <paramref name="count"/> more people ("wall-000000", …), each with its templates and a zone grant.</summary>
    public async Task AddPeople(int count, CancellationToken ct)
    {
        var first = People;
        await Parallel.ForEachAsync(Enumerable.Range(first, count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (i, _) =>
            {
                var id = PersonId(i);
                var person = grains.GetGrain<IStaffGrain>(id);
                await person.Create($"Wall Person {i}");
                var random = new Random(HashCode.Combine(seed, i));
                for (var t = 0; t < templatesPerPerson; t++)
                {
                    var face = new AnalysedFace(new FaceRect(200, 120, 160, 160), UnitVector(random), GoodQuality);
                    var result = await person.Enroll(new AnalysedFrame(null, null, 640, 480, [face], 20));
                    if (result.Rejection is { } why) throw new InvalidOperationException($"Synthetic enrollment of {id} refused: {why}.");
                }
                await person.SetGrant(GrantScope.Zone, zone, GrantTerms.Always);
            });
        People += count;
    }

    /// <summary>Appends <paramref name="count"/> door decisions stamped now: 70 % a granted person, 20 % an unknown face,
    /// 10 % no face (the load generator's mix).</summary>
    public async Task AddDecisions(int count, CancellationToken ct)
    {
        if (People == 0) throw new InvalidOperationException("Add people before decisions.");
        var log = grains.GetGrain<IAuditLogGrain>(0);
        var first = Decisions;
        await Parallel.ForEachAsync(LongRange(first, count), new ParallelOptions { MaxDegreeOfParallelism = 8 * Parallelism, CancellationToken = ct },
            async (i, _) => await log.Append(DecisionEntry(new Random(HashCode.Combine(seed, i, 1)))));
        Decisions += count;
    }

    private AuditEntry DecisionEntry(Random random)
    {
        var door = doors[random.Next(doors.Count)];
        var roll = random.Next(100);
        var (reason, staffId, distance, faces) = roll switch
        {
            < 70 => (DecisionReason.Identified, PersonId(random.Next(People)), 0.15f + 0.2f * random.NextSingle(), 1),
            < 90 => (DecisionReason.UnknownFace, null, 0.35f + 0.3f * random.NextSingle(), 1),
            _ => (DecisionReason.NoFace, (string?)null, (float?)null, 0),
        };
        var outcome = reason == DecisionReason.Identified ? DecisionOutcome.Granted : DecisionOutcome.Denied;
        var decision = new Decision(Guid.NewGuid().ToString("N"), door, outcome, reason, staffId, null, distance, faces,
            20 + 20 * random.NextDouble(), DateTimeOffset.UtcNow, LivenessSummary.NotChecked);
        return new AuditEntry(decision.EventId, decision.Timestamp, AuditKind.Decision, "access", door, staffId, $"{outcome} ({reason})", decision);
    }

    private static string PersonId(int i) => $"wall-{i:D6}";

    private static IEnumerable<long> LongRange(long first, int count)
    {
        for (long i = first; i < first + count; i++) yield return i;
    }

    private static float[] UnitVector(Random random)
    {
        var v = new float[128];
        double norm = 0;
        for (var i = 0; i < v.Length; i++)
        {
            // Box–Muller: a Gaussian direction is uniform on the sphere.
            v[i] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
            norm += v[i] * v[i];
        }
        var scale = (float)(1 / Math.Sqrt(norm));
        for (var i = 0; i < v.Length; i++) v[i] *= scale;
        return v;
    }
}
