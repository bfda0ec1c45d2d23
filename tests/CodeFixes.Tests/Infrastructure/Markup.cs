using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using Xunit.Sdk;

namespace Telemetry.Generators.CodeFixes.Tests.Infrastructure;

/// <summary>
/// Source text with expected diagnostics marked as <c>{|TEL0005:TrainingStarted|}</c>: the id, and the exact span
/// the diagnostic covers. <c>{|TEL0005,CS0501:Send|}</c> expects two diagnostics on one span. Marks do not nest.
/// </summary>
internal sealed class Markup
{
    private const string OpenMark = "{|";
    private const string CloseMark = "|}";

    private Markup(string text, IReadOnlyList<ExpectedDiagnostic> diagnostics)
    {
        Text = text;
        Diagnostics = diagnostics;
    }

    /// <summary>The source with every mark removed.</summary>
    public string Text { get; }

    /// <summary>The marked diagnostics, in source order.</summary>
    public IReadOnlyList<ExpectedDiagnostic> Diagnostics { get; }

    /// <exception cref="XunitException">A mark is not closed or has no <c>ID:</c> prefix.</exception>
    public static Markup Parse(string markup)
    {
        var text = new StringBuilder(markup.Length);
        var diagnostics = new List<ExpectedDiagnostic>();
        var position = 0;
        while (true)
        {
            var open = markup.IndexOf(OpenMark, position, System.StringComparison.Ordinal);
            if (open < 0)
            {
                text.Append(markup, position, markup.Length - position);
                break;
            }

            text.Append(markup, position, open - position);
            var colon = markup.IndexOf(':', open);
            var close = markup.IndexOf(CloseMark, open, System.StringComparison.Ordinal);
            if (colon < 0 || close < 0 || colon > close)
            {
                throw new XunitException($"Invalid diagnostic mark at offset {open}; write {{|ID:text|}}.");
            }

            var ids = markup.Substring(open + OpenMark.Length, colon - open - OpenMark.Length);
            var marked = markup.Substring(colon + 1, close - colon - 1);
            foreach (var id in ids.Split(','))
            {
                diagnostics.Add(new ExpectedDiagnostic(id, new TextSpan(text.Length, marked.Length)));
            }

            text.Append(marked);
            position = close + CloseMark.Length;
        }

        return new Markup(text.ToString(), diagnostics);
    }
}

/// <summary>A diagnostic a test expects: its id and the span it covers in the unmarked text.</summary>
internal sealed record ExpectedDiagnostic(string Id, TextSpan Span);
