using AccessGrid.Benchmarks;
using AccessGrid.Benchmarks.Index;
using AccessGrid.Benchmarks.Vectors;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// Verbs: `bdn …` runs the BenchmarkDotNet suites; the others prepare vectors and run the recall sweeps that the
// Python peers mirror (docs/benchmarks.md lists the exact commands).
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("""
        usage: dotnet run -c Release --project bench/Benchmarks -- <verb> [options]
          bdn [BenchmarkDotNet args]          e.g. bdn --filter '*Index*'
          vectors lfw                         encode every lfw-dev image (needs ../shared and the models)
          pipeline time [--list bench/peers/lfw-50.txt] [--rounds 3] [--no-mirror] [--encoder float|int8]
          pipeline distant [--people 200] [--widths 20,24,...,72] [--size 640] [--rounds 20]
          vectors synth --name N --count 100k [--per-identity 4] [--queries 2000] [--fit lfw] [--seed 1]
          index sweep --dataset N --variants ip,cos,l2 [--m 32] [--efc 200] [--threads 1] [--out file.jsonl]
          index exact --dataset N [--out file.jsonl]
          index managed --dataset N [--ef 64] [--batch] [--out file.jsonl]
          decode flood --url U --key ADMIN --door D --pid SILO_PID [--count 16] [--megapixels 40]
        """);
    return 0;
}

try
{
    return (args[0], args.ElementAtOrDefault(1)) switch
    {
        ("bdn", _) => RunBenchmarkDotNet(args[1..]),
        ("vectors", "lfw") => PipelineCommands.EncodeLfw(new BenchArguments(args[2..])),
        ("pipeline", "time") => PipelineCommands.Time(new BenchArguments(args[2..])),
        ("pipeline", "distant") => PipelineCommands.Distant(new BenchArguments(args[2..])),
        ("vectors", "synth") => VectorCommands.Synth(new BenchArguments(args[2..])),
        ("index", "sweep") => IndexCommands.Sweep(new BenchArguments(args[2..])),
        ("index", "exact") => IndexCommands.Exact(new BenchArguments(args[2..])),
        ("index", "managed") => IndexCommands.Managed(new BenchArguments(args[2..])),
        ("decode", "flood") => DecodeFloodCommand.Run(new BenchArguments(args[2..])),
        _ => throw new ArgumentException($"Unknown verb '{string.Join(' ', args.Take(2))}'. Run with --help."),
    };
}
catch (Exception e) when (e is ArgumentException or FileNotFoundException or InvalidDataException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}

// In-process: the suites need the installed models and prepared vectors next to the repository, and BDN's generated
// project could not find this one anyway (its assembly name differs from the project file's).
static int RunBenchmarkDotNet(string[] args)
{
    var job = Job.Default.WithWarmupCount(3).WithIterationCount(10).WithToolchain(InProcessEmitToolchain.Instance);
    BenchmarkSwitcher.FromAssembly(typeof(BenchPaths).Assembly).Run(args, DefaultConfig.Instance.AddJob(job));
    return 0;
}
