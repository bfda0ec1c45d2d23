using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace TrainingCli.SampleData;

/// <summary>
/// A training example with its inline entity annotations resolved into the plain text and character spans.
/// </summary>
internal sealed partial record AnnotatedExample(string Text, IReadOnlyList<EntitySpan> Entities)
{
    /// <summary>Parses an example written with inline annotations such as <c>[Berlin](city)</c>.</summary>
    public static AnnotatedExample Parse(string annotated)
    {
        var text = new StringBuilder();
        var entities = new List<EntitySpan>();
        var position = 0;

        foreach (Match match in AnnotationPattern().Matches(annotated))
        {
            text.Append(annotated, position, match.Index - position);

            var value = match.Groups["value"].Value;
            var start = text.Length;
            text.Append(value);
            entities.Add(new EntitySpan(start, text.Length, value, match.Groups["entity"].Value));

            position = match.Index + match.Length;
        }

        text.Append(annotated, position, annotated.Length - position);
        return new AnnotatedExample(text.ToString(), entities);
    }

    [GeneratedRegex(@"\[(?<value>[^\]]+)\]\((?<entity>[a-z_]+)\)")]
    private static partial Regex AnnotationPattern();
}

/// <summary>An entity value in an example's plain text. <see cref="End"/> is exclusive.</summary>
internal sealed record EntitySpan(int Start, int End, string Value, string Entity);
