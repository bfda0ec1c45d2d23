using System;
using System.Collections.Generic;
using System.Text;
using Telemetry.Generators.SourceGeneration.Model;

namespace Telemetry.Generators.SourceGeneration.Naming;

/// <summary>
/// Converts declared names (parameters, enum members) into property keys and values under a naming policy.
/// </summary>
internal static class PropertyNaming
{
    /// <summary>The MSBuild property that selects the policy.</summary>
    public const string BuildProperty = "TelemetryPropertyNaming";

    /// <summary>
    /// Parses a <c>TelemetryPropertyNaming</c> value, ignoring case; an empty value selects the default.
    /// </summary>
    public static bool TryParse(string? text, out NamingPolicy policy)
    {
        policy = NamingPolicy.SnakeCase;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        foreach (NamingPolicy candidate in Enum.GetValues(typeof(NamingPolicy)))
        {
            if (string.Equals(candidate.ToString(), text!.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                policy = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Converts a name under the policy, e.g. <c>numStorySteps</c> to <c>num_story_steps</c> for snake case.
    /// </summary>
    public static string Convert(string name, NamingPolicy policy)
    {
        if (policy == NamingPolicy.AsDeclared)
        {
            return name;
        }

        var words = SplitWords(name);
        if (words.Count == 0)
        {
            return name;
        }

        return policy switch
        {
            NamingPolicy.SnakeCase => string.Join("_", ToLower(words)),
            NamingPolicy.KebabCase => string.Join("-", ToLower(words)),
            NamingPolicy.PascalCase => JoinCapitalized(words, capitalizeFirst: true),
            _ => JoinCapitalized(words, capitalizeFirst: false),
        };
    }

    /// <summary>
    /// Splits an identifier into words at underscores and hyphens, at a lower-case letter or digit followed by an
    /// upper-case letter, and before the last capital of an acronym (<c>HTTPServer</c> → <c>HTTP</c>, <c>Server</c>).
    /// </summary>
    internal static List<string> SplitWords(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c is '_' or '-' or ' ')
            {
                Flush(words, current);
                continue;
            }

            if (char.IsUpper(c) && current.Length > 0)
            {
                var previous = name[i - 1];
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower))
                {
                    Flush(words, current);
                }
            }

            current.Append(c);
        }

        Flush(words, current);
        return words;
    }

    private static void Flush(List<string> words, StringBuilder current)
    {
        if (current.Length > 0)
        {
            words.Add(current.ToString());
            current.Clear();
        }
    }

    private static IEnumerable<string> ToLower(List<string> words)
    {
        foreach (var word in words)
        {
            yield return word.ToLowerInvariant();
        }
    }

    private static string JoinCapitalized(List<string> words, bool capitalizeFirst)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i].ToLowerInvariant();
            if (i > 0 || capitalizeFirst)
            {
                builder.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
            }
            else
            {
                builder.Append(word);
            }
        }

        return builder.ToString();
    }
}
