using Telemetry.Generators.SourceGeneration.Model;
using Telemetry.Generators.SourceGeneration.Naming;

namespace Telemetry.Generators.SourceGeneration.Emission;

/// <summary>
/// Writes a private method that turns an object into a JSON object of its properties, keyed by the naming policy.
/// The helper is static, so it captures nothing, and the event method's try block covers the getters it runs.
/// </summary>
internal static class ObjectHelperEmitter
{
    private const string ValueType = "global::Telemetry.Generators.TelemetryValue";
    private const string PropertiesType = "global::Telemetry.Generators.TelemetryProperties";

    /// <summary>
    /// Writes the helper for <paramref name="objectInfo"/>. The caller compiles it with nullable annotations
    /// disabled, so the parameter accepts the type with any nullability of its type arguments, and member types
    /// need no annotations, which C# 7.3 would reject.
    /// </summary>
    public static void Write(
        IndentedWriter writer,
        ObjectInfo objectInfo,
        HelperNames helpers,
        NamingPolicy naming)
    {
        writer.WriteLine(GeneratorVersion.GeneratedCodeAttribute);
        writer.WriteLine("private static " + ValueType + " " + helpers.ForObject(objectInfo) + "("
            + objectInfo.QualifiedName + " value)");
        writer.OpenBlock();
        if (!objectInfo.IsValueType)
        {
            writer.WriteLine("if (value is null)");
            writer.OpenBlock();
            writer.WriteLine("return " + ValueType + ".Null;");
            writer.CloseBlock();
            writer.WriteBlankLine();
        }

        // Lambdas inside the helper see only `value`, `properties` and the `__member` locals.
        var values = new ValueExpressionWriter(helpers, new LocalNames(new[] { "value", "properties" }));
        writer.WriteLine("var properties = new " + PropertiesType + "(" + objectInfo.Members.Count + ");");
        for (var i = 0; i < objectInfo.Members.Count; i++)
        {
            var member = objectInfo.Members[i];
            var access = "value." + member.Identifier;
            if (member.Value.Kind == ValueKind.Nullable)
            {
                // A nullable value is read twice (HasValue, then the value), so the getter runs once into a local.
                var local = "__member" + i;
                writer.WriteLine("var " + local + " = " + access + ";");
                access = local;
            }

            var key = SourceEmitter.Literal(PropertyNaming.Convert(member.Name, naming));
            writer.WriteLine("properties.Add(" + key + ", " + values.Write(member.Value, access) + ");");
        }

        writer.WriteLine("return " + ValueType + ".FromObject(properties);");
        writer.CloseBlock();
    }
}
