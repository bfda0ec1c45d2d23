using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TrainingCli.SampleData;

/// <summary>
/// Writes a JSON tree as block-style YAML. Every string is single-quoted, so no value can be misread as a number,
/// a boolean or YAML syntax.
/// </summary>
internal static partial class YamlWriter
{
    private const int IndentSize = 2;

    /// <summary>Writes <paramref name="document"/> as a YAML document that ends with a newline.</summary>
    public static string Write(JsonObject document)
    {
        var yaml = new StringBuilder();
        WriteObject(yaml, document, indent: 0);
        return yaml.ToString();
    }

    private static void WriteObject(StringBuilder yaml, JsonObject node, int indent)
    {
        foreach (var (key, value) in node)
        {
            yaml.Append(' ', indent).Append(Key(key)).Append(':');
            WriteValueAfterKey(yaml, value, indent + IndentSize);
        }
    }

    private static void WriteArray(StringBuilder yaml, JsonArray node, int indent)
    {
        foreach (var item in node)
        {
            yaml.Append(' ', indent).Append('-');
            if (item is JsonObject { Count: > 0 } itemObject)
            {
                // The first key goes on the dash's line; the others align with it.
                var itemYaml = new StringBuilder();
                WriteObject(itemYaml, itemObject, indent + IndentSize);
                yaml.Append(' ').Append(itemYaml.ToString().AsSpan(indent + IndentSize));
            }
            else
            {
                WriteValueAfterKey(yaml, item, indent + IndentSize);
            }
        }
    }

    /// <summary>Writes a value after <c>key:</c> or <c>-</c>: a scalar on that line, a collection below.</summary>
    private static void WriteValueAfterKey(StringBuilder yaml, JsonNode? value, int childIndent)
    {
        switch (value)
        {
            case JsonObject { Count: > 0 } child:
                yaml.Append('\n');
                WriteObject(yaml, child, childIndent);
                break;

            case JsonArray { Count: > 0 } child:
                yaml.Append('\n');
                WriteArray(yaml, child, childIndent);
                break;

            case JsonObject:
                yaml.Append(" {}\n");
                break;

            case JsonArray:
                yaml.Append(" []\n");
                break;

            default:
                yaml.Append(' ').Append(Scalar(value)).Append('\n');
                break;
        }
    }

    private static string Scalar(JsonNode? value) => value?.GetValueKind() switch
    {
        null => "null",
        JsonValueKind.String => Quote(value.GetValue<string>()),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.ToJsonString(),
        var kind => throw new ArgumentException($"Unsupported JSON value kind {kind}.", nameof(value)),
    };

    /// <summary>Writes a key plain when it is a lower-case identifier that YAML cannot read as anything else.</summary>
    private static string Key(string key) =>
        PlainKeyPattern().IsMatch(key) && key is not ("true" or "false" or "null" or "yes" or "no" or "on" or "off")
            ? key
            : Quote(key);

    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex PlainKeyPattern();
}
