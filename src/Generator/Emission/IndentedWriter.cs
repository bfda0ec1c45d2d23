using System.Text;

namespace Telemetry.Generators.SourceGeneration.Emission;

/// <summary>
/// Writes lines of C# with four-space indentation and <c>\n</c> line endings.
/// </summary>
internal sealed class IndentedWriter
{
    private readonly StringBuilder builder = new();
    private int depth;

    public void WriteLine(string line)
    {
        builder.Append(' ', depth * 4).Append(line).Append('\n');
    }

    public void WriteBlankLine()
    {
        builder.Append('\n');
    }

    /// <summary>Writes <c>{</c> and indents what follows.</summary>
    public void OpenBlock()
    {
        WriteLine("{");
        depth++;
    }

    /// <summary>Outdents and writes <c>}</c>.</summary>
    public void CloseBlock()
    {
        depth--;
        WriteLine("}");
    }

    public override string ToString() => builder.ToString();
}
