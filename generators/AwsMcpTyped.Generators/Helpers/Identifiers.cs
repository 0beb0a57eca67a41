using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace AwsMcpTyped.Generators.Helpers
{
    /// <summary>C# identifiers from CLI names: <c>sagemaker-a2i-runtime</c> → <c>SagemakerA2iRuntime</c>,
    /// <c>wait instance-running</c> → <c>WaitInstanceRunning</c>, <c>runtime.sagemaker</c> → <c>RuntimeSagemaker</c>.</summary>
    internal static class Identifiers
    {
        public static string Pascal(string name)
        {
            var text = new StringBuilder(name.Length);
            var upper = true;
            foreach (var c in name)
            {
                if (!char.IsLetterOrDigit(c))
                {
                    upper = true;
                    continue;
                }
                text.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            if (text.Length == 0 || char.IsDigit(text[0]))
                text.Insert(0, '_');
            var identifier = text.ToString();
            return SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;
        }

        /// <summary>Makes <paramref name="candidate"/> unique within <paramref name="taken"/> by numbering repeats.</summary>
        public static string Unique(string candidate, ISet<string> taken)
        {
            var name = candidate;
            for (var i = 2; !taken.Add(name); i++)
                name = candidate + i;
            return name;
        }
    }
}
