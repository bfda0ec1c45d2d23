using Microsoft.CodeAnalysis.Text;

namespace Telemetry.Generators.CodeFixes.Tests.Infrastructure;

/// <summary>Formats a diagnostic's id and place for comparison and failure messages.</summary>
internal static class DiagnosticLine
{
    /// <summary>
    /// Returns e.g. <c>TEL0005 /Project0/Test0.cs(4,32)-(4,47) 'TrainingStarted'</c>, with 1-based lines and
    /// columns, and the covered text.
    /// </summary>
    public static string Format(string id, string path, SourceText text, TextSpan span)
    {
        var lines = text.Lines.GetLinePositionSpan(span);
        var covered = text.ToString(span).Replace("\n", "\\n");
        return $"{id} {path}({lines.Start.Line + 1},{lines.Start.Character + 1})-"
            + $"({lines.End.Line + 1},{lines.End.Character + 1}) '{covered}'";
    }
}
