using System.Diagnostics;
using System.Text.Json;
using AccessGrid.Benchmarks.Index;
using AccessGrid.Benchmarks.Pipeline;
using AccessGrid.Benchmarks.Vectors;
using AccessGrid.Vision;

namespace AccessGrid.Benchmarks;

/// <summary>`vectors lfw` (real encodings for the index peers) and `pipeline time` (ms per image against face-api).</summary>
public static class PipelineCommands
{
    /// <summary>Encodes every lfw-dev image (primary face). Writes lfw.all.f32 + lfw.labels.txt (for --fit) and the
    /// lfw index set: the last image of every person with several is a query, everything else the gallery.</summary>
    public static int EncodeLfw(BenchArguments cl)
    {
        cl.RejectUnknown();
        var images = LfwImages.All();
        using var pipeline = FacePipeline.Load();
        var encodings = new float[images.Count][];
        var clock = Stopwatch.StartNew();
        int done = 0;
        Parallel.ForEach(Enumerable.Range(0, images.Count).Chunk(8), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, chunk =>
        {
            var results = pipeline.AnalyzeMany(chunk.Select(i => File.ReadAllBytes(images[i].Path)).ToList());
            for (int j = 0; j < chunk.Length; j++) encodings[chunk[j]] = results[j].Primary?.Embedding!;
            if (Interlocked.Add(ref done, chunk.Length) % 400 < 8) Console.WriteLine($"  {done}/{images.Count} in {clock.Elapsed.TotalSeconds:F0} s");
        });
        var kept = Enumerable.Range(0, images.Count).Where(i => encodings[i] is not null).ToList();
        Console.WriteLine($"encoded {kept.Count} of {images.Count} images in {clock.Elapsed.TotalSeconds:F0} s ({images.Count - kept.Count} without a face)");

        var all = new VectorSet(kept.Count, FaceEncoder.Dimensions, kept.SelectMany(i => encodings[i]).ToArray());
        all.Save(Path.Combine(BenchPaths.Vectors, "lfw.all.f32"));
        File.WriteAllLines(Path.Combine(BenchPaths.Vectors, "lfw.labels.txt"), kept.Select(i => images[i].Person));

        var queryRows = kept.Select((image, row) => (images[image].Person, row)).GroupBy(p => p.Person)
            .Where(g => g.Count() > 1).Select(g => g.Last().row).ToHashSet();
        var gallery = Subset(all, Enumerable.Range(0, all.Count).Where(r => !queryRows.Contains(r)));
        var queries = Subset(all, queryRows.Order());
        new IndexDataset("lfw", gallery, queries, GroundTruth.Compute(gallery, queries)).Save(BenchPaths.Vectors);
        Console.WriteLine($"wrote lfw: {gallery.Count} gallery encodings, {queries.Count} held-out queries → {BenchPaths.Vectors}");
        return 0;
    }

    /// <summary>Our whole pipeline on the listed images, one image at a time, one ONNX thread: the face-api comparison.
    /// cpu_ms_per_image (process CPU time) stays honest when other work shares the cores.</summary>
    public static int Time(BenchArguments cl)
    {
        var list = cl.Text("list", Path.Combine(BenchPaths.RepositoryRoot, "bench", "peers", "lfw-50.txt"));
        int rounds = cl.Int("rounds", 3);
        bool mirror = !cl.Flag("no-mirror");
        var encoder = cl.Text("encoder", new PipelineOptions().Int8Encoder ? "int8" : "float");
        if (encoder is not ("float" or "int8")) throw new ArgumentException("--encoder is float or int8");
        cl.RejectUnknown();
        var images = LfwImages.FromList(list).Select(File.ReadAllBytes).ToList();
        using var pipeline = FacePipeline.Load(options: new PipelineOptions { IntraOpNumThreads = 1, MirrorAverage = mirror, Int8Encoder = encoder == "int8" });
        int faces = images.Sum(image => pipeline.Analyze(image).Faces.Count); // warm-up, and the face count
        var perRound = new List<double>();
        var cpuPerRound = new List<double>();
        var process = Process.GetCurrentProcess();
        var stages = new StageTimings();
        for (int round = 0; round < rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            foreach (var image in images)
            {
                var t = pipeline.Analyze(image).Timings;
                stages = new StageTimings(stages.Decode + t.Decode, stages.Detect + t.Detect, stages.Landmarks + t.Landmarks, stages.Align + t.Align, stages.Encode + t.Encode);
            }
            perRound.Add(clock.Elapsed.TotalMilliseconds / images.Count);
            process.Refresh();
            cpuPerRound.Add((process.TotalProcessorTime - cpu).TotalMilliseconds / images.Count);
        }
        int n = images.Count * rounds;
        var result = new
        {
            engine = $"accessgrid --encoder {encoder}{(mirror ? "" : " --no-mirror")}",
            images = images.Count,
            faces,
            ms_per_image = perRound.Min(),
            ms_per_image_rounds = perRound,
            cpu_ms_per_image = cpuPerRound.Min(),
            stages_ms = new { decode = stages.Decode / n, detect = stages.Detect / n, landmarks = stages.Landmarks / n, align = stages.Align / n, encode = stages.Encode / n },
        };
        var json = JsonSerializer.Serialize(result);
        Console.WriteLine(json);
        Directory.CreateDirectory(BenchPaths.Results);
        File.AppendAllText(Path.Combine(BenchPaths.Results, "pipeline.jsonl"), json + Environment.NewLine);
        return 0;
    }

    private static VectorSet Subset(VectorSet all, IEnumerable<int> rows)
    {
        var list = rows.ToList();
        return new VectorSet(list.Count, all.Dimensions, list.SelectMany(r => all[r].ToArray()).ToArray());
    }
}
