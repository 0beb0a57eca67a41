using System;
using System.Text;

namespace AwsMcpTyped.Generators.Helpers
{
    /// <summary>An indent-aware text writer for generated C# (in the style of System.Text.Json's generator).</summary>
    internal sealed class SourceWriter
    {
        private const string IndentUnit = "    ";
        private readonly StringBuilder _text = new StringBuilder();
        private int _indent;

        public SourceWriter Line(string line = "")
        {
            if (line.Length > 0)
            {
                for (var i = 0; i < _indent; i++)
                    _text.Append(IndentUnit);
                _text.Append(line);
            }
            _text.Append('\n');
            return this;
        }

        public SourceWriter OpenBlock(string? header = null, string brace = "{")
        {
            if (header != null)
                Line(header);
            Line(brace);
            _indent++;
            return this;
        }

        public SourceWriter CloseBlock(string brace = "}")
        {
            if (_indent == 0)
                throw new InvalidOperationException("Unbalanced CloseBlock");
            _indent--;
            return Line(brace);
        }

        public SourceWriter Indent()
        {
            _indent++;
            return this;
        }

        public SourceWriter Unindent()
        {
            if (_indent == 0)
                throw new InvalidOperationException("Unbalanced Unindent");
            _indent--;
            return this;
        }

        public override string ToString() => _text.ToString();
    }
}
