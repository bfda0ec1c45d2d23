using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Telemetry.Generators.SourceGeneration.Tests.Infrastructure;

/// <summary>
/// Formats a diagnostic as one stable line: id, severity, 0-based <c>path: (line,col)-(line,col)</c> and the
/// message in the invariant culture.
/// </summary>
internal static class DiagnosticLine
{
    public static string Format(Diagnostic diagnostic)
    {
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        return $"{diagnostic.Id} {diagnostic.Severity} {FormatLocation(diagnostic.Location)} {message}";
    }

    private static string FormatLocation(Location location)
    {
        if (location == Location.None)
        {
            return "(no location):";
        }

        var span = location.GetLineSpan();
        var start = span.StartLinePosition;
        var end = span.EndLinePosition;
        return $"{span.Path}: ({start.Line},{start.Character})-({end.Line},{end.Character}):";
    }
}
