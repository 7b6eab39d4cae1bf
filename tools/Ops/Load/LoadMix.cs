namespace AccessGrid.Ops.Load;

/// <summary>Shares of enrolled, unknown and no-face frames, e.g. "70,20,10". Drawn from a seeded random so two
/// runs send the same sequence.</summary>
public sealed record LoadMix(int Enrolled, int Unknown, int NoFace)
{
    public static LoadMix Parse(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 3 || !parts.All(p => int.TryParse(p, out var v) && v >= 0) || parts.Sum(int.Parse) == 0)
            throw new FormatException($"--mix expects three non-negative weights 'enrolled,unknown,noface' (e.g. 70,20,10), not '{text}'.");
        return new LoadMix(int.Parse(parts[0]), int.Parse(parts[1]), int.Parse(parts[2]));
    }

    public FrameKind Draw(Random random)
    {
        int x = random.Next(Enrolled + Unknown + NoFace);
        return x < Enrolled ? FrameKind.Enrolled : x < Enrolled + Unknown ? FrameKind.Unknown : FrameKind.NoFace;
    }

    public override string ToString() => $"{Enrolled},{Unknown},{NoFace}";
}
