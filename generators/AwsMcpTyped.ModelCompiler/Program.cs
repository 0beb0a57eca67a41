using AwsMcpTyped.ModelCompiler;
using AwsMcpTyped.ModelCompiler.Update;

// awscat-compiler: the catalogue's build-time tool.
//   compile     --botocore-data DIR --data DIR --out DIR     (run by MSBuild before the catalogue compiles)
//   update-data [--from BOTOCORE_DATA_DIR] [--to DIR]        (refresh botocore-data/ and report model changes)
var options = CommandLineOptions.Parse(args);
switch (options.Command)
{
    case "compile":
        return new CatalogueCompiler(Console.Out).Run(
            options.Require("--botocore-data"), options.Require("--data"), options.Require("--out"));
    case "update-data":
        return new BotocoreDataUpdater(Console.Out).Update(options.Get("--from"), options.Get("--to") ?? "botocore-data");
    default:
        Console.Error.WriteLine("usage: awscat-compiler compile --botocore-data DIR --data DIR --out DIR");
        Console.Error.WriteLine("       awscat-compiler update-data [--from BOTOCORE_DATA_DIR] [--to DIR]");
        return 2;
}
