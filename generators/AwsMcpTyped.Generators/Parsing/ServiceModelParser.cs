using System;
using System.Collections.Generic;
using AwsMcpTyped.Generators.Helpers;
using AwsMcpTyped.Generators.Model;

namespace AwsMcpTyped.Generators.Parsing
{
    /// <summary>Parses the tab-separated .svcmodel format written by the model compiler
    /// (see generators/AwsMcpTyped.ModelCompiler/Emit/ServiceModelWriter.cs for the grammar).</summary>
    internal static class ServiceModelParser
    {
        public const string Header = "# awscat service model v2";

        private static readonly HashSet<string> Kinds = new HashSet<string>(StringComparer.Ordinal) { "Operation", "Waiter", "Custom" };
        private static readonly HashSet<string> Accesses = new HashSet<string>(StringComparer.Ordinal) { "Read", "Write", "Destructive", "SensitiveRead" };
        private static readonly HashSet<string> CommandFlagNames = new HashSet<string>(StringComparer.Ordinal) { "None", "Hidden", "Paginated", "Deprecated", "StreamingOutput" };
        private static readonly HashSet<string> ArgumentFlagNames = new HashSet<string>(StringComparer.Ordinal) { "None", "Required", "Hidden", "Positional", "Negation", "Sensitive" };
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
            string[]? command = null;
            var arguments = new List<ArgumentSpec>();

            void FinishCommand()
            {
                if (command == null)
                    return;
                var constant = Identifiers.Unique(Identifiers.Pascal(command[1]), constants);
                commands.Add(new CommandSpec(command[1], constant, Optional(command[2]), command[3], command[4], command[5],
                    Actions(command[6]).ToEquatableArray(), arguments.ToEquatableArray()));
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
                    case "service" when fields.Length == 7 && service == null && (fields[5] == "-" || fields[5] == "hidden"):
                        service = fields;
                        break;
                    case "command" when fields.Length == 7 && service != null:
                        if (!Kinds.Contains(fields[3]) || !Accesses.Contains(fields[4]) || !AllKnown(fields[5], CommandFlagNames))
                            return Fail(path, lineNumber, "unknown kind, access or flag in: " + line);
                        if (!AllActions(fields[6]))
                            return Fail(path, lineNumber, "IAM actions are not a list of prefix:Action in: " + line);
                        FinishCommand();
                        command = fields;
                        break;
                    case "arg" when fields.Length == 5 && command != null:
                        if (!Types.Contains(fields[3]) || !AllKnown(fields[4], ArgumentFlagNames))
                            return Fail(path, lineNumber, "unknown type or flag in: " + line);
                        arguments.Add(new ArgumentSpec(fields[1], Optional(fields[2]), fields[3], fields[4]));
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
                Optional(service[4]), service[5] == "hidden", Optional(service[6]), commands.ToEquatableArray());
            return new ParseResult(spec, null);
        }

        private static string? Optional(string field) => field == "-" ? null : field;

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
