using System.Text;

namespace AwsMcpTyped.Generators.Helpers
{
    internal static class CSharpLiterals
    {
        public static string String(string? value)
        {
            if (value == null)
                return "null";
            var text = new StringBuilder(value.Length + 2).Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': text.Append("\\\""); break;
                    case '\\': text.Append("\\\\"); break;
                    case '\n': text.Append("\\n"); break;
                    case '\r': text.Append("\\r"); break;
                    case '\t': text.Append("\\t"); break;
                    default:
                        if (c < ' ')
                            text.Append("\\u").Append(((int)c).ToString("x4"));
                        else
                            text.Append(c);
                        break;
                }
            }
            return text.Append('"').ToString();
        }

        /// <summary>Text safe inside an XML doc comment.</summary>
        public static string XmlText(string value) =>
            value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    }
}
