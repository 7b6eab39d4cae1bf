namespace AccessGrid.Benchmarks.Vectors;

/// <summary>Identity-clustered embedding model: centre ~ N(mean, Σ_between), template ~ N(centre, Σ_within), both
/// re-normalised. Fitted to real encodings it produces galleries that are as hard for a graph index as real faces.</summary>
public sealed class GaussianModel
{
    private readonly float[] _mean;
    private readonly double[,] _betweenFactor;
    private readonly double[,] _withinFactor;

    private GaussianModel(float[] mean, double[,] betweenFactor, double[,] withinFactor, string description)
    {
        _mean = mean;
        _betweenFactor = betweenFactor;
        _withinFactor = withinFactor;
        Description = description;
    }

    public int Dimensions => _mean.Length;
    public string Description { get; }

    /// <summary>No real data: isotropic centres on the sphere, within-identity spread chosen so that two templates of
    /// one identity sit ≈ 0.45 apart (Euclidean), as face encodings do.</summary>
    public static GaussianModel Isotropic(int dimensions, double withinSigma = 0.032)
    {
        var between = Identity(dimensions, 1.0 / Math.Sqrt(dimensions));
        var within = Identity(dimensions, withinSigma);
        return new GaussianModel(new float[dimensions], between, within, $"isotropic (within σ {withinSigma})");
    }

    /// <summary>Fits mean, between- and within-identity covariances to labelled encodings.</summary>
    public static GaussianModel Fit(VectorSet encodings, IReadOnlyList<string> labels)
    {
        if (labels.Count != encodings.Count) throw new ArgumentException("One label per encoding is required.");
        int d = encodings.Dimensions;
        var groups = Enumerable.Range(0, encodings.Count).GroupBy(i => labels[i]).ToArray();
        var centres = groups.Select(g => Mean(g.Select(i => encodings[i].ToArray()).ToList(), d)).ToList();
        var mean = Mean(centres, d);
        var between = Covariance(centres.Select(c => Subtract(c, mean)), d);
        var within = Covariance(groups.Zip(centres).Where(p => p.First.Count() > 1)
            .SelectMany(p => p.First.Select(i => Subtract(encodings[i].ToArray(), p.Second))), d);
        var model = new GaussianModel(mean.Select(x => (float)x).ToArray(), Cholesky(between), Cholesky(within),
            $"fitted to {encodings.Count} encodings of {groups.Length} identities");
        return model;
    }

    /// <summary><paramref name="identities"/> centres, then <paramref name="count"/> templates spread over them
    /// round-robin, and <paramref name="queries"/> fresh templates of random enrolled identities.</summary>
    public (VectorSet Base, VectorSet Queries) Generate(int count, int identities, int queries, int seed)
    {
        var random = new Random(seed);
        int d = Dimensions;
        var centres = new double[identities][];
        for (int i = 0; i < identities; i++)
            centres[i] = Add(_mean.Select(x => (double)x).ToArray(), Transform(_betweenFactor, Normal(random, d)));
        var baseData = new float[(long)count * d];
        for (int r = 0; r < count; r++) Sample(centres[r % identities], baseData.AsSpan(r * d, d));
        var queryData = new float[(long)queries * d];
        for (int q = 0; q < queries; q++) Sample(centres[random.Next(Math.Min(identities, count))], queryData.AsSpan(q * d, d));
        return (new VectorSet(count, d, baseData), new VectorSet(queries, d, queryData));

        void Sample(double[] centre, Span<float> output)
        {
            var v = Add(centre, Transform(_withinFactor, Normal(random, d)));
            var norm = Math.Sqrt(v.Sum(x => x * x));
            for (int i = 0; i < d; i++) output[i] = (float)(v[i] / norm);
        }
    }

    private static double[] Normal(Random random, int d)
    {
        var z = new double[d];
        for (int i = 0; i < d; i++)
        {
            double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
            z[i] = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }
        return z;
    }

    private static double[] Transform(double[,] lower, double[] z)
    {
        int d = z.Length;
        var y = new double[d];
        for (int i = 0; i < d; i++)
        {
            double s = 0;
            for (int j = 0; j <= i; j++) s += lower[i, j] * z[j];
            y[i] = s;
        }
        return y;
    }

    private static double[] Add(double[] a, double[] b) => a.Zip(b, (x, y) => x + y).ToArray();

    private static double[] Subtract(double[] a, double[] b) => a.Zip(b, (x, y) => x - y).ToArray();

    private static double[] Subtract(float[] a, double[] b) => a.Zip(b, (x, y) => x - y).ToArray();

    private static double[] Mean(IReadOnlyList<double[]> rows, int d)
    {
        var m = new double[d];
        foreach (var row in rows) for (int i = 0; i < d; i++) m[i] += row[i];
        for (int i = 0; i < d; i++) m[i] /= rows.Count;
        return m;
    }

    private static double[] Mean(IReadOnlyList<float[]> rows, int d) => Mean(rows.Select(r => r.Select(x => (double)x).ToArray()).ToList(), d);

    private static double[,] Covariance(IEnumerable<double[]> centred, int d)
    {
        var c = new double[d, d];
        int n = 0;
        foreach (var v in centred)
        {
            n++;
            for (int i = 0; i < d; i++) for (int j = 0; j <= i; j++) c[i, j] += v[i] * v[j];
        }
        if (n < 2) throw new ArgumentException("Too few samples to estimate a covariance.");
        for (int i = 0; i < d; i++) for (int j = 0; j <= i; j++) c[j, i] = c[i, j] /= n - 1;
        return c;
    }

    /// <summary>Lower-triangular L with L·Lᵀ = a (+ a tiny ridge so rank-deficient estimates still factor).</summary>
    private static double[,] Cholesky(double[,] a)
    {
        int d = a.GetLength(0);
        double ridge = 1e-9 * Enumerable.Range(0, d).Sum(i => a[i, i]);
        var l = new double[d, d];
        for (int i = 0; i < d; i++)
        for (int j = 0; j <= i; j++)
        {
            double s = a[i, j] + (i == j ? ridge : 0);
            for (int k = 0; k < j; k++) s -= l[i, k] * l[j, k];
            l[i, j] = i == j ? Math.Sqrt(Math.Max(s, 0)) : (l[j, j] > 0 ? s / l[j, j] : 0);
        }
        return l;
    }

    private static double[,] Identity(int d, double scale)
    {
        var m = new double[d, d];
        for (int i = 0; i < d; i++) m[i, i] = scale;
        return m;
    }
}
