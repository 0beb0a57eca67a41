using System;
using System.Collections.Generic;
using AwsMcpTyped.Generators.Helpers;
using AwsMcpTyped.Generators.Model;
using AwsMcpTyped.ServiceModel;

namespace AwsMcpTyped.Generators.Parsing
{
    /// <summary>Parses the tab-separated .svcmodel format written by the model compiler
    /// (see generators/AwsMcpTyped.ModelCompiler/Emit/ServiceModelWriter.cs for the grammar).</summary>
    internal static class ServiceModelParser
    {
        public const string Header = ServiceModelFormat.Header;

        /// <summary>The constant of the empty command name: a top-level command that runs itself (v2's <c>login</c>).</summary>
        public const string TopLevelCommandConstant = "TopLevel";

        private static readonly HashSet<string> Kinds = new HashSet<string>(StringComparer.Ordinal) { "Operation", "Waiter", "Custom" };
        private static readonly HashSet<string> Accesses = new HashSet<string>(StringComparer.Ordinal) { "Read", "Write", "Destructive", "SensitiveRead" };
        private static readonly HashSet<string> CommandFlagNames = new HashSet<string>(StringComparer.Ordinal) { "None", "Hidden", "Paginated", "Deprecated", "StreamingOutput" };
        private static readonly HashSet<string> ArgumentFlagNames = new HashSet<string>(StringComparer.Ordinal) { "None", "Required", "Hidden", "Positional", "Negation", "Sensitive", "NoValue", "OptionalValue", "ManyValues", "TwoValues", "Repeatable" };
        private static readonly HashSet<string> Types = new HashSet<string>(StringComparer.Ordinal)
        {
            "String", "Integer", "Long", "Float", "Double", "Boolean", "Timestamp", "Blob", "List", "Map", "Structure", "Document",
        };

        public static ParseResult Parse(string path, string text)
        {
            var lines = text.Split('\n');
            if (lines.Length == 0 || lines[0].TrimEnd('\r') != Header)
                return Fail(path, 1, "missing header '" + Header + "'");

            string[]? service = null;
            var commands = new List<CommandSpec>();
            // Names the generated class already uses, and object members a constant would hide (CS0108).
            var constants = new HashSet<string>(StringComparer.Ordinal)
            {
                "Name", "Descriptor", "Commands", "GetType", "ToString", "Equals", "GetHashCode", "ReferenceEquals", "MemberwiseClone", "Finalize",
            };
            // A name listed twice (once per CLI version) is one constant.
            var constantsByName = new Dictionary<string, string>(StringComparer.Ordinal);
            string[]? command = null;
            var arguments = new List<ArgumentSpec>();

            void FinishCommand()
            {
                if (command == null)
                    return;
                var name = command[1] == "-" ? "" : command[1];
                if (!constantsByName.TryGetValue(name, out var constant))
                {
                    constant = Identifiers.Unique(name.Length == 0 ? TopLevelCommandConstant : Identifiers.Pascal(name), constants);
                    constantsByName.Add(name, constant);
                }
                commands.Add(new CommandSpec(name, constant, Optional(command[2]), command[3], command[4], command[5],
                    Actions(command[6]).ToEquatableArray(), arguments.ToEquatableArray(), Dialects(command[7])!));
                arguments.Clear();
            }

            for (var i = 1; i < lines.Length; i++)
            {
                var line = lines[i].TrimEnd('\r');
                if (line.Length == 0 || line[0] == '#')
                    continue;
                var fields = line.Split('\t');
                var lineNumber = i + 1;
                switch (fields[0])
                {
                    case "service" when fields.Length == 8 && service == null && (fields[5] == "-" || fields[5] == "hidden"):
                        if (Dialects(fields[7]) == null)
                            return Fail(path, lineNumber, UnknownDialects(line));
                        service = fields;
                        break;
                    case "command" when fields.Length == 8 && service != null:
                        if (!Kinds.Contains(fields[3]) || !Accesses.Contains(fields[4]) || !AllKnown(fields[5], CommandFlagNames))
                            return Fail(path, lineNumber, "unknown kind, access or flag in: " + line);
                        if (!AllActions(fields[6]))
                            return Fail(path, lineNumber, "IAM actions are not a list of prefix:Action in: " + line);
                        if (Dialects(fields[7]) == null)
                            return Fail(path, lineNumber, UnknownDialects(line));
                        FinishCommand();
                        command = fields;
                        break;
                    case "arg" when fields.Length == 6 && command != null:
                        if (!Types.Contains(fields[3]) || !AllKnown(fields[4], ArgumentFlagNames))
                            return Fail(path, lineNumber, "unknown type or flag in: " + line);
                        if (Dialects(fields[5]) is not { } dialects)
                            return Fail(path, lineNumber, UnknownDialects(line));
                        arguments.Add(new ArgumentSpec(fields[1], Optional(fields[2]), fields[3], fields[4], dialects));
                        break;
                    default:
                        return Fail(path, lineNumber, "unexpected record: " + line);
                }
            }
            FinishCommand();
            if (service == null)
                return Fail(path, 1, "no service record");

            var spec = new ServiceSpec(
                service[1], Identifiers.Pascal(service[1]), Optional(service[2]), Optional(service[3]),
                Optional(service[4]), service[5] == "hidden", Optional(service[6]), commands.ToEquatableArray(), Dialects(service[7])!);
            return new ParseResult(spec, null);
        }

        private static string? Optional(string field) => field == "-" ? null : field;

        /// <summary>The <c>CliDialects</c> member a dialects field stands for; null when the field is not one.</summary>
        private static string? Dialects(string field) =>
            field == ServiceModelFormat.AllDialects ? AllDialects
            : field == ServiceModelFormat.V1Only || field == ServiceModelFormat.V2Only ? field
            : null;

        /// <summary>The <c>CliDialects</c> member of a record both CLI versions have.</summary>
        public const string AllDialects = "All";

        private static string UnknownDialects(string line) =>
            "unknown dialects (" + ServiceModelFormat.AllDialects + " for both CLI versions, " + ServiceModelFormat.V1Only + " or " +
            ServiceModelFormat.V2Only + ") in: " + line;

        private static string[] Actions(string field) => field == "-" ? Array.Empty<string>() : field.Split(',');

        /// <summary>Each action is <c>prefix:Action</c>; the compiler validates them strictly, this guards the C# literals.</summary>
        private static bool AllActions(string field)
        {
            foreach (var action in Actions(field))
            {
                var colon = action.IndexOf(':');
                if (colon <= 0 || colon == action.Length - 1 || action.IndexOf(':', colon + 1) >= 0)
                    return false;
                foreach (var c in action)
                {
                    if (!(c == ':' || c == '-' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
                        return false;
                }
            }
            return true;
        }

        private static bool AllKnown(string flags, HashSet<string> known)
        {
            foreach (var flag in flags.Split(','))
            {
                if (!known.Contains(flag))
                    return false;
            }
            return true;
        }

        private static ParseResult Fail(string path, int line, string message) =>
            new ParseResult(null, new DiagnosticInfo(path, line, message));
    }
}
