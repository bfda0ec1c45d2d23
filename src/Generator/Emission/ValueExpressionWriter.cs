using Telemetry.Generators.SourceGeneration.Model;

namespace Telemetry.Generators.SourceGeneration.Emission;

/// <summary>
/// Writes the C# expression that turns a value into a <c>global::Telemetry.Generators.TelemetryValue</c>.
/// </summary>
internal sealed class ValueExpressionWriter
{
    private const string ValueType = "global::Telemetry.Generators.TelemetryValue";

    private readonly HelperNames helpers;
    private readonly LocalNames names;

    /// <param name="helpers">The generated helper method names for enums and objects.</param>
    /// <param name="names">The method's local names, which supply the lambda parameter names.</param>
    public ValueExpressionWriter(HelperNames helpers, LocalNames names)
    {
        this.helpers = helpers;
        this.names = names;
    }

    /// <summary>
    /// Returns an expression converting <paramref name="access"/>, e.g. <c>TelemetryValue.From(modelType)</c>.
    /// A nullable value reads <paramref name="access"/> twice, so it must be a parameter or a local, not a property
    /// whose getter could return another value the second time.
    /// Lambda parameters are named <c>__item0</c>, <c>__item1</c>, ... by nesting depth, so that they never shadow
    /// each other, which C# 7.3 forbids.
    /// </summary>
    public string Write(ValueInfo value, string access, int depth = 0)
    {
        switch (value.Kind)
        {
            case ValueKind.Enum:
                return helpers.ForEnum(value.Enum!) + "(" + access + ")";

            case ValueKind.Object:
                return helpers.ForObject(value.Object!) + "(" + access + ")";

            case ValueKind.Nullable:
                var inner = Write(value.Element!, access + ".GetValueOrDefault()", depth);
                return "(" + access + ".HasValue ? " + inner + " : " + ValueType + ".Null)";

            case ValueKind.Sequence:
                return WriteContainer("FromSequence", value, access, depth);

            case ValueKind.Dictionary:
                return WriteContainer("FromDictionary", value, access, depth);

            default:
                if (value.Format is not null)
                {
                    return ValueType + ".From(" + access + ".ToString(" + SourceEmitter.Literal(value.Format)
                        + ", global::System.Globalization.CultureInfo.InvariantCulture))";
                }

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
