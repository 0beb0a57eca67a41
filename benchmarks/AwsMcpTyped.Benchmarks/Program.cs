using AwsMcpTyped.Benchmarks;

// dotnet AwsMcpTyped.Benchmarks.dll [catalogue|overlay|suggest|parse [corpus.jsonl.gz]|exec|sandbox|server|all]   (Release build; see ../run.sh)
var what = args.FirstOrDefault() ?? "all";
if (what is "catalogue" or "all")
    CatalogueBenchmark.Run();
if (what is "overlay" or "all")
    InstalledOverlayBenchmark.Run();
if (what is "suggest" or "all")
    SuggestBenchmark.Run();
if (what is "parse" or "all")
    ParseCorpusBenchmark.Run(args.ElementAtOrDefault(1));
if (what is "exec" or "all")
    await ExecutorOverheadBenchmark.RunAsync();
if (what is "sandbox" or "all")
    await SandboxOverheadBenchmark.RunAsync();
if (what is "server" or "all")
    await ServerBenchmark.RunAsync();
