using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Catalogue.Detail;

namespace AwsMcpTyped.Execution.Files;

/// <summary>
/// Blob inputs the CLI opens as a plain local path (argprocess.unpack_scalar_cli_arg: a blob whose model has
/// <c>streaming</c>). Current botocore models put <c>streaming: true</c> on the member reference, not on the shape,
/// and the catalogue's detail keeps only shape-level traits, so <see cref="ShapeDetail.Streaming"/> is false for
/// all of them. Rather than regenerate the catalogue, this is the list botocore 1.43.11 gives (every operation input
/// member with type blob and serialization['streaming']); FileConfinementTests re-derives it from the installed
/// botocore, so a model update that adds one fails a test instead of opening a hole.
/// </summary>
internal static class StreamingBlobInputs
{
    /// <summary>"botocore service name/Operation/Member".</summary>
    internal static readonly HashSet<string> Members = new(StringComparer.Ordinal)
    {
        "cloudsearchdomain/UploadDocuments/documents",
        "codeartifact/PublishPackageVersion/assetContent",
        "ebs/PutSnapshotBlock/BlockData",
        "glacier/UploadArchive/body",
        "glacier/UploadMultipartPart/body",
        "lambda/InvokeAsync/InvokeArgs",
        "lex-runtime/PostContent/inputStream",
        "lexv2-runtime/RecognizeUtterance/inputStream",
        "mediastore-data/PutObject/Body",
        "omics/UploadReadSetPart/payload",
        "s3/PutObject/Body",
        "s3/UploadPart/Body",
        "s3/WriteGetObjectResponse/Body",
    };

    public static bool Contains(ServiceDescriptor service, CommandDescriptor command, ServiceDetail? detail, ArgumentDescriptor argument)
    {
        if (argument.Type != ArgumentType.Blob || argument.Member is null || command.Operation is null)
            return false;
        var botocoreName = service.BotocoreName ?? detail?.BotocoreName ?? service.Name;
        if (Members.Contains($"{botocoreName}/{command.Operation}/{argument.Member}"))
            return true;
        // A model that marks the shape itself streaming (older botocore did) is caught from the detail.
        if (detail is null || !detail.Operations.TryGetValue(command.Operation, out var operation) || operation.Input is null ||
            !detail.Shapes.TryGetValue(operation.Input, out var input))
            return false;
        var shape = input.Members?.FirstOrDefault(m => m.Name == argument.Member)?.Shape;
        return shape is not null && detail.Shapes.TryGetValue(shape, out var blob) && blob.Streaming;
    }
}
