using Telemetry.Generators.SourceGeneration.Model;
using Telemetry.Generators.SourceGeneration.Naming;

namespace Telemetry.Generators.SourceGeneration.Emission;

/// <summary>
/// Writes a private method that turns an enum value into its member name under the naming policy, without reflection.
/// </summary>
internal static class EnumHelperEmitter
{
    public static void Write(IndentedWriter writer, EnumInfo enumInfo, string helperName, NamingPolicy naming)
    {
        const string ValueType = "global::Telemetry.Generators.TelemetryValue";

        writer.WriteLine(GeneratorVersion.GeneratedCodeAttribute);
        writer.WriteLine("private static " + ValueType + " " + helperName + "(" + enumInfo.QualifiedName + " value)");
        writer.OpenBlock();
        writer.WriteLine("switch (value)");
        writer.OpenBlock();
        foreach (var member in enumInfo.Members)
        {
            var name = SourceEmitter.Literal(PropertyNaming.Convert(member.Name, naming));
            writer.WriteLine("case (" + enumInfo.QualifiedName + ")(" + member.Value + "): // " + member.Name);
            writer.WriteLine("    return " + ValueType + ".From(" + name + ");");
        }

        // NOTE: a value with no member of its own, such as a combination of [Flags] members, is sent as its number.
        writer.WriteLine("default:");
        writer.WriteLine("    return " + ValueType + ".From((" + enumInfo.UnderlyingType + ")value);");
        writer.CloseBlock();
        writer.CloseBlock();
    }
}
