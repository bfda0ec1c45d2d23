using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace Telemetry.Generators.SourceGeneration.Tests.Analyzers;

/// <summary>
/// A diagnostic a test expects: its id, the file it is in, and its span in that file's source without markup.
/// </summary>
internal sealed record ExpectedDiagnostic(string Id, string Path, TextSpan Span);

/// <summary>
/// Source code with diagnostic markup: <c>{|TEL0005:TrainingStarted|}</c> expects a TEL0005 diagnostic whose span is
/// exactly <c>TrainingStarted</c>, and <c>{|TEL0005,CS0501:TrainingStarted|}</c> expects both on that span. Spans may
/// not nest.
/// </summary>
internal sealed class MarkupSource
{
    private const string Open = "{|";
    private const string Close = "|}";

    private MarkupSource(string source, IReadOnlyList<(string Id, TextSpan Span)> spans)
    {
        Source = source;
        Spans = spans;
    }

    /// <summary>The source with the markup removed.</summary>
    public string Source { get; }

    /// <summary>The marked diagnostics, in source order.</summary>
    public IReadOnlyList<(string Id, TextSpan Span)> Spans { get; }

    /// <summary>Removes the markup from <paramref name="markup"/> and records each marked span.</summary>
    /// <exception cref="FormatException">A span is unclosed, nested, or has no id.</exception>
    public static MarkupSource Parse(string markup)
    {
        var source = new StringBuilder(markup.Length);
        var spans = new List<(string Id, TextSpan Span)>();
        var position = 0;
        while (position < markup.Length)
        {
            var open = markup.IndexOf(Open, position, StringComparison.Ordinal);
            if (open < 0)
            {
                source.Append(markup, position, markup.Length - position);
                break;
            }

            source.Append(markup, position, open - position);
            var colon = markup.IndexOf(':', open);
            var close = markup.IndexOf(Close, open, StringComparison.Ordinal);
            if (colon < 0 || close < 0 || colon > close)
            {
                throw new FormatException($"The markup at offset {open} has no 'ID:' prefix or no closing '|}}'.");
            }

            var ids = markup.Substring(open + Open.Length, colon - open - Open.Length).Split(',');
            var text = markup.Substring(colon + 1, close - colon - 1);
            if (ids.Any(id => id.Length == 0) || text.Contains(Open, StringComparison.Ordinal))
            {
                throw new FormatException($"The markup at offset {open} has an empty id or a nested span.");
            }

            foreach (var id in ids)
            {
                spans.Add((id, new TextSpan(source.Length, text.Length)));
            }

            source.Append(text);
            position = close + Close.Length;
        }

        return new MarkupSource(source.ToString(), spans);
    }
}
