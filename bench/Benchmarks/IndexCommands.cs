using AccessGrid.Benchmarks.Index;

namespace AccessGrid.Benchmarks;

/// <summary>`index …`: recall/latency sweeps over one prepared dataset, appended as JSON lines to the results folder.</summary>
public static class IndexCommands
{
    private static readonly int[] Efs = [8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768];

    public static int Sweep(BenchArguments cl)
    {
        var dataset = cl.Text("dataset", "");
        var variants = cl.List("variants", "ip");
        int m = cl.Int("m", 32), efc = cl.Int("efc", 200), threads = cl.Int("threads", 1);
        var output = cl.Text("out", $"index-{dataset}.jsonl");
        bool save = cl.Flag("save");
        cl.RejectUnknown();
        var data = IndexDataset.Load(BenchPaths.Vectors, dataset);
        foreach (var name in variants)
            BenchPaths.Append(output, HnswSweep.Run(data, VariantName.Parse(name, m, efc), Efs, threads,
                savePath: save ? BenchPaths.IndexSnapshot(dataset, $"{name}-m{m}-efc{efc}") : null));
        return 0;
    }

    public static int Exact(BenchArguments cl)
    {
        var dataset = cl.Text("dataset", "");
        var output = cl.Text("out", $"index-{dataset}.jsonl");
        cl.RejectUnknown();
        BenchPaths.Append(output, ExactSweep.Run(IndexDataset.Load(BenchPaths.Vectors, dataset)));
        return 0;
    }

    public static int Managed(BenchArguments cl)
    {
        var dataset = cl.Text("dataset", "");
        int ef = cl.Int("ef", 64), m = cl.Int("m", 32), efc = cl.Int("efc", 200);
        var metric = cl.Text("metric", "cos");
        bool batch = cl.Flag("batch");
        var output = cl.Text("out", $"index-{dataset}.jsonl");
        cl.RejectUnknown();
        var settings = VariantName.Parse(metric, m, efc).Settings;
        BenchPaths.Append(output, ManagedBindingProbe.Run(IndexDataset.Load(BenchPaths.Vectors, dataset), settings, ef, batch));
        return 0;
    }
}
