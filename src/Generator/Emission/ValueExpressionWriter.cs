using System.Collections.Generic;
using Telemetry.Generators.SourceGeneration.Model;

namespace Telemetry.Generators.SourceGeneration.Emission;

/// <summary>
/// Writes the C# expression that turns a value into a <c>global::Telemetry.Generators.TelemetryValue</c>.
/// </summary>
internal sealed class ValueExpressionWriter
{
    private const string ValueType = "global::Telemetry.Generators.TelemetryValue";

    private readonly IReadOnlyDictionary<string, string> enumHelpers;
    private readonly LocalNames names;

    /// <param name="enumHelpers">The generated helper method name for each enum, by the enum's qualified name.</param>
    /// <param name="names">The method's local names, which supply the lambda parameter names.</param>
    public ValueExpressionWriter(IReadOnlyDictionary<string, string> enumHelpers, LocalNames names)
    {
        this.enumHelpers = enumHelpers;
        this.names = names;
    }

    /// <summary>
    /// Returns an expression converting <paramref name="access"/>, e.g. <c>TelemetryValue.From(modelType)</c>.
    /// Lambda parameters are named <c>__item0</c>, <c>__item1</c>, ... by nesting depth, so that they never shadow
    /// each other, which C# 7.3 forbids.
    /// </summary>
    public string Write(ValueInfo value, string access, int depth = 0)
    {
        switch (value.Kind)
        {
            case ValueKind.Enum:
                return enumHelpers[value.Enum!.QualifiedName] + "(" + access + ")";

            case ValueKind.Nullable:
                var inner = Write(value.Element!, access + ".GetValueOrDefault()", depth);
                return "(" + access + ".HasValue ? " + inner + " : " + ValueType + ".Null)";

            case ValueKind.Sequence:
                return WriteContainer("FromSequence", value, access, depth);

            case ValueKind.Dictionary:
                return WriteContainer("FromDictionary", value, access, depth);

            default:
                var cast = value.Cast is null ? string.Empty : "(" + value.Cast + ")";
                return ValueType + ".From(" + cast + access + ")";
        }
    }

    private string WriteContainer(string method, ValueInfo value, string access, int depth)
    {
        var item = names.Item(depth);
        var convert = item + " => " + Write(value.Element!, item, depth + 1);
        return ValueType + "." + method + "<" + value.ElementType + ">(" + access + ", " + convert + ")";
    }
}
