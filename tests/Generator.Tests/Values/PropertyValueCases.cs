using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Telemetry.Generators.SourceGeneration.Tests.Values;

/// <summary>
/// The table of value types that event parameters may have, and the consumer source built from it: one event
/// method and one sender method per case.
/// </summary>
internal static class PropertyValueCases
{
    public static readonly IReadOnlyList<PropertyValueCase> All =
    [
        new("Text", "string", "\"hello\"", "\"hello\""),
        new("TextNull", "string?", "null", "null"),
        new("BooleanTrue", "bool", "true", "true"),
        new("BooleanFalse", "bool", "false", "false"),
        new("Character", "char", "'x'", "\"x\""),
        new("SignedByte", "sbyte", "(sbyte)-8", "-8"),
        new("UnsignedByte", "byte", "(byte)255", "255"),
        new("Int16", "short", "(short)-300", "-300"),
        new("UInt16", "ushort", "(ushort)65535", "65535"),
        new("Int32", "int", "-42", "-42"),
        new("UInt32", "uint", "4294967295u", "4294967295"),
        new("Int64", "long", "long.MinValue", "-9223372036854775808"),
        new("UInt64", "ulong", "ulong.MaxValue", "18446744073709551615"),
        new("Single", "float", "0.25f", "0.25"),
        new("Double", "double", "0.1", "0.1"),
        new("DoubleNaN", "double", "double.NaN", "null"),
        new("DoublePositiveInfinity", "double", "double.PositiveInfinity", "null"),
        new("SingleNegativeInfinity", "float", "float.NegativeInfinity", "null"),
        new("Decimal", "decimal", "12.50m", "12.50"),
        new("NativeInteger", "nint", "(nint)(-7)", "-7"),
        new("NativeUnsignedInteger", "nuint", "(nuint)7", "7"),
        new("Half", "Half", "(Half)1.5f", "1.5"),
        new("Int128", "Int128", "(Int128)long.MaxValue * 4", "3.6893488147419103E+19"),
        new("UInt128Small", "UInt128", "(UInt128)12", "12"),
        new("DateOnly", "DateOnly", "new DateOnly(2026, 12, 4)", "\"2026-12-04\""),
        new("TimeOnly", "TimeOnly", "new TimeOnly(15, 58, 12, 120)", "\"15:58:12.120\""),
        new("DateOnlyNullable", "DateOnly?", "new DateOnly(2026, 1, 2)", "\"2026-01-02\""),
        new("EnumMember", "ModelKind", "ModelKind.RasaPro", "\"rasa_pro\""),
        new("EnumLongMember", "ModelKind", "ModelKind.LargeLanguageModel", "\"large_language_model\""),
        new("EnumUndefinedValue", "ModelKind", "(ModelKind)42", "42"),
        new("EnumNullable", "ModelKind?", "ModelKind.Rasa", "\"rasa\""),
        new("EnumNullableNull", "ModelKind?", "null", "null"),
        new("EnumFlagsCombination", "Features", "Features.Nlu | Features.Core", "3"),
        new("EnumFlagsSingle", "Features", "Features.Core", "\"core\""),
        new("EnumAlias", "Level", "Level.Warn", "\"warning\""),
        new("EnumLongUndefined", "Level", "(Level)(-5000000000L)", "-5000000000"),
        new("EnumKeywordMember", "Keyword", "Keyword.@event", "\"event\""),
        new(
            "Guid",
            "Guid",
            "new Guid(\"3f2504e0-4f89-41d3-9a0c-0305e82c3301\")",
            "\"3f2504e0-4f89-41d3-9a0c-0305e82c3301\""),
        new(
            "DateTimeUnspecifiedAsUtc",
            "DateTime",
            "new DateTime(2024, 5, 6, 7, 8, 9, 5)",
            "\"2024-05-06T07:08:09.005Z\""),
        new(
            "DateTimeUtc",
            "DateTime",
            "new DateTime(2024, 5, 6, 7, 8, 9, 123, DateTimeKind.Utc)",
            "\"2024-05-06T07:08:09.123Z\""),
        new(
            "DateTimeOffset",
            "DateTimeOffset",
            "new DateTimeOffset(2024, 5, 6, 7, 8, 9, 123, TimeSpan.FromHours(2))",
            "\"2024-05-06T05:08:09.123Z\""),
        new("TimeSpan", "TimeSpan", "TimeSpan.FromMilliseconds(90500)", "90.5"),
        new("Uri", "Uri", "new Uri(\"https://example.com/docs?page=2\")", "\"https://example.com/docs?page=2\""),
        new("UriNull", "Uri?", "null", "null"),
        new("Version", "Version", "new Version(1, 2, 3)", "\"1.2.3\""),
        new("NullableInt32", "int?", "5", "5"),
        new("NullableInt32Null", "int?", "null", "null"),
        new("NullableDoubleNaN", "double?", "double.NaN", "null"),
        new("NullableGuidNull", "Guid?", "null", "null"),
        new(
            "NullableDateTime",
            "DateTime?",
            "new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc)",
            "\"2024-01-02T03:04:05.000Z\""),
        new("Int32Array", "int[]", "new[] { 1, 2, 3 }", "[1,2,3]"),
        new("EmptyArray", "string[]", "new string[0]", "[]"),
        new("ArrayNull", "int[]?", "null", "null"),
        new("StringList", "List<string?>", "new List<string?> { \"a\", null, \"c\" }", "[\"a\",null,\"c\"]"),
        new(
            "GuidSequence",
            "IEnumerable<Guid>",
            "new[] { new Guid(\"00000000-0000-0000-0000-000000000001\") }.Select(id => id)",
            "[\"00000000-0000-0000-0000-000000000001\"]"),
        new(
            "EnumList",
            "IReadOnlyList<ModelKind>",
            "new[] { ModelKind.Rasa, ModelKind.RasaPro }",
            "[\"rasa\",\"rasa_pro\"]"),
        new("NullableInt32Array", "int?[]", "new int?[] { 1, null }", "[1,null]"),
        new("ImmutableArray", "ImmutableArray<long>", "ImmutableArray.Create(7L, 8L)", "[7,8]"),
        new(
            "EnumDictionary",
            "IReadOnlyDictionary<string, ModelKind>",
            "new Dictionary<string, ModelKind> { [\"m\"] = ModelKind.RasaPro }",
            "{\"m\":\"rasa_pro\"}"),
        new("NestedArray", "int[][]", "new[] { new[] { 1 }, new[] { 2, 3 } }", "[[1],[2,3]]"),
        new(
            "Int32Dictionary",
            "Dictionary<string, int>",
            "new Dictionary<string, int> { [\"a\"] = 1, [\"b\"] = 2 }",
            "{\"a\":1,\"b\":2}"),
        new(
            "NullableDoubleReadOnlyDictionary",
            "IReadOnlyDictionary<string, double?>",
            "new Dictionary<string, double?> { [\"x\"] = 1.5, [\"y\"] = null, [\"z\"] = double.NaN }",
            "{\"x\":1.5,\"y\":null,\"z\":null}"),
        new(
            "StringDictionaryInterface",
            "IDictionary<string, string>",
            "new SortedDictionary<string, string> { [\"k\"] = \"v\" }",
            "{\"k\":\"v\"}"),
        new("DictionaryNull", "IDictionary<string, int>?", "null", "null"),
    ];

    /// <summary>Theory rows of case names, which xunit can serialize, unlike the cases themselves.</summary>
    public static IEnumerable<object[]> Names => All.Select(valueCase => new object[] { valueCase.Name });

    public static PropertyValueCase Find(string name) => All.Single(valueCase => valueCase.Name == name);

    /// <summary>
    /// Builds the consumer source: the enums, an event method <c>{Name}Event</c> per case in
    /// <c>MyApp.ValueEvents</c>, and a method <c>Send{Name}</c> per case in <c>MyApp.Senders</c> that calls it with
    /// the case's argument. The suffix and prefix keep method names from hiding types such as <c>Guid</c>.
    /// </summary>
    public static string BuildSource()
    {
        var source = new StringBuilder();
        source.AppendLine("using System;");
        source.AppendLine("using System.Collections.Generic;");
        source.AppendLine("using System.Collections.Immutable;");
        source.AppendLine("using System.Linq;");
        source.AppendLine("using Telemetry.Generators;");
        source.AppendLine();
        source.AppendLine("namespace MyApp;");
        source.AppendLine();
        source.AppendLine("public enum ModelKind { Rasa, RasaPro, LargeLanguageModel }");
        source.AppendLine("[Flags] public enum Features { None = 0, Nlu = 1, Core = 2 }");
        source.AppendLine("public enum Level : long { Info = 1, Warning = 2, Warn = 2, Huge = 5000000000L }");
        source.AppendLine("public enum Keyword { @event, @class }");
        source.AppendLine();
        source.AppendLine("public static partial class ValueEvents");
        source.AppendLine("{");
        foreach (var valueCase in All)
        {
            source.AppendLine($"    [TelemetryEvent(\"{valueCase.Name}\")]");
            var parameters = $"TelemetryClient client, {valueCase.Type} value";
            source.AppendLine($"    public static partial void {valueCase.Name}Event({parameters});");
            source.AppendLine();
        }

        source.AppendLine("}");
        source.AppendLine();
        source.AppendLine("public static class Senders");
        source.AppendLine("{");
        foreach (var valueCase in All)
        {
            source.AppendLine($"    public static void Send{valueCase.Name}(TelemetryClient client) =>");
            source.AppendLine($"        ValueEvents.{valueCase.Name}Event(client, {valueCase.Argument});");
        }

        source.AppendLine("}");
        return source.ToString();
    }
}
