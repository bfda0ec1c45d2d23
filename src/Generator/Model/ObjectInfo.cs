namespace Telemetry.Generators.SourceGeneration.Model;

/// <summary>
/// A class, struct, record or interface sent as a JSON object of its public readable properties.
/// </summary>
/// <param name="QualifiedName">The type as written in code, without nullable annotations, e.g.
/// <c>global::MyApp.Point</c>. Generated helpers are compiled with nullable annotations disabled, so one name
/// serves every nullability of the type.</param>
/// <param name="IsValueType">Whether the type is a struct, whose helper needs no null check.</param>
/// <param name="Members">The properties, base type members first, each in declaration order.</param>
internal sealed record ObjectInfo(string QualifiedName, bool IsValueType, EquatableArray<ObjectMemberInfo> Members);

/// <summary>
/// One property of an object type.
/// </summary>
/// <param name="Identifier">The property name as written in code, with <c>@</c> when it is a keyword.</param>
/// <param name="Name">The property name without <c>@</c>, before the naming policy applies.</param>
/// <param name="Value">How the property value is converted.</param>
internal sealed record ObjectMemberInfo(string Identifier, string Name, ValueInfo Value);
