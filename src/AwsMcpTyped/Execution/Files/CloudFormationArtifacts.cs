namespace AwsMcpTyped.Execution.Files;

/// <summary>One kind of local artifact <c>aws cloudformation package</c> uploads: a resource (or Metadata entry) type
/// and the property naming the path. <see cref="PackageWhenEmpty"/>: with the property missing or empty the CLI uploads
/// the template's own directory (PACKAGE_NULL_PROPERTY). <see cref="ForceZip"/>: a value that names a file relative
/// to the CLI's current directory is copied from there (FORCE_ZIP, Resource.export). <see cref="NestedTemplate"/>:
/// the value is a template that is packaged in turn, relative to the parent template's directory.</summary>
internal sealed record CloudFormationArtifact(string Type, string Property, bool PackageWhenEmpty = true, bool ForceZip = false, bool NestedTemplate = false);

/// <summary>
/// What <c>aws cloudformation package</c> uploads, from awscli/customizations/cloudformation/artifact_exporter.py
/// (AWS CLI 1.45.11): RESOURCES_EXPORT_LIST, METADATA_EXPORT_LIST, and GLOBAL_EXPORT_DICT's <c>Fn::Transform</c>
/// <c>AWS::Include</c> handler (its <c>Parameters.Location</c>). Dotted properties are jmespath paths.
/// </summary>
internal static class CloudFormationArtifacts
{
    public static readonly CloudFormationArtifact[] Resources =
    [
        new("AWS::Serverless::Function", "CodeUri", ForceZip: true),
        new("AWS::Serverless::Api", "DefinitionUri", PackageWhenEmpty: false),
        new("AWS::AppSync::GraphQLSchema", "DefinitionS3Location", PackageWhenEmpty: false),
        new("AWS::AppSync::Resolver", "RequestMappingTemplateS3Location", PackageWhenEmpty: false),
        new("AWS::AppSync::Resolver", "ResponseMappingTemplateS3Location", PackageWhenEmpty: false),
        new("AWS::AppSync::FunctionConfiguration", "RequestMappingTemplateS3Location", PackageWhenEmpty: false),
        new("AWS::AppSync::FunctionConfiguration", "ResponseMappingTemplateS3Location", PackageWhenEmpty: false),
        new("AWS::ApiGateway::RestApi", "BodyS3Location", PackageWhenEmpty: false),
        new("AWS::Lambda::Function", "Code", ForceZip: true),
        new("AWS::ElasticBeanstalk::ApplicationVersion", "SourceBundle"),
        new("AWS::CloudFormation::Stack", "TemplateURL", NestedTemplate: true),
        new("AWS::Serverless::Application", "Location", NestedTemplate: true),
        new("AWS::Serverless::LayerVersion", "ContentUri", ForceZip: true),
        new("AWS::Lambda::LayerVersion", "Content", ForceZip: true),
        new("AWS::Glue::Job", "Command.ScriptLocation"),
        new("AWS::StepFunctions::StateMachine", "DefinitionS3Location", PackageWhenEmpty: false),
        new("AWS::Serverless::StateMachine", "DefinitionUri", PackageWhenEmpty: false),
        new("AWS::CodeCommit::Repository", "Code.S3", PackageWhenEmpty: false, ForceZip: true),
    ];

    /// <summary>Keyed by the Metadata entry's name instead of a resource type.</summary>
    public static readonly CloudFormationArtifact[] Metadata =
    [
        new("AWS::ServerlessRepo::Application", "ReadmeUrl", PackageWhenEmpty: false),
        new("AWS::ServerlessRepo::Application", "LicenseUrl", PackageWhenEmpty: false),
    ];
}
