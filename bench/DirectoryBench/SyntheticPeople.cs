namespace AccessGrid.DirectoryBench;

/// <summary>Deterministic people for the benchmark: ids emp-0000000… and names drawn from given names and two-syllable
/// family names (40 × 1,296 combinations, some with accents), so prefix searches hit realistic shares of everyone.</summary>
public static class SyntheticPeople
{
    private static readonly string[] Given =
    [
        "Ana", "Anders", "Beatriz", "Bo", "Camille", "Chen", "Dmitri", "Élodie", "Emma", "Farah", "François", "Grace", "Hiro",
        "Ines", "Ivan", "Jean-Luc", "Joana", "José", "Joseph", "Kofi", "Léa", "Li", "Lucas", "Maya", "Mehmet", "Nadia", "Noah",
        "Olga", "Omar", "Pia", "Priya", "Quentin", "Rosa", "Sven", "Tomás", "Uma", "Victor", "Wen", "Yusuf", "Zoë",
    ];

    private static readonly string[] Syllables =
    [
        "ber", "car", "dal", "fen", "gor", "hal", "ker", "lin", "mor", "nes", "per", "ros", "sal", "tor", "van", "wil", "zan", "bró",
        "ström", "ek", "ova", "ski", "son", "ez", "ini", "ard", "oux", "ley", "ton", "mann", "berg", "ić", "ura", "eau", "sen", "ólf",
    ];

    public static string Id(int i) => $"emp-{i:D7}";

    public static string Name(int i)
    {
        var hash = (uint)i * 2654435761u; // Knuth's multiplicative hash: neighbours get unrelated names
        var family = Syllables[hash % 18] + Syllables[18 + hash / 18 % 18] + Syllables[(hash >> 16) % 36];
        return $"{Given[(hash >> 8) % (uint)Given.Length]} {char.ToUpperInvariant(family[0])}{family[1..]}";
    }
}
