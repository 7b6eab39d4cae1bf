namespace AccessGrid.Benchmarks.Index;

/// <summary>The k smallest distances seen so far, kept sorted in caller-owned spans (k is small: insertion wins).</summary>
public ref struct TopK
{
    private readonly Span<int> _ids;
    private readonly Span<float> _distances;

    public TopK(Span<int> ids, Span<float> distances)
    {
        if (ids.Length != distances.Length) throw new ArgumentException("ids and distances must have the same length.");
        _ids = ids;
        _distances = distances;
        Filled = 0;
    }

    public int Filled { get; private set; }

    public void Offer(int id, float distance)
    {
        if (_ids.Length == 0) return;
        if (Filled == _ids.Length && distance >= _distances[Filled - 1]) return;
        int i = Filled < _ids.Length ? Filled++ : Filled - 1;
        for (; i > 0 && _distances[i - 1] > distance; i--)
        {
            _distances[i] = _distances[i - 1];
            _ids[i] = _ids[i - 1];
        }
        _distances[i] = distance;
        _ids[i] = id;
    }
}
