namespace Telemetry.Generators.SourceGeneration.Model;

/// <summary>
/// One generated file: a containing type, its event methods in declaration order, and the enums and objects they
/// send.
/// </summary>
/// <param name="Hierarchy">The containing types.</param>
/// <param name="Methods">The event methods, ordered by file and position.</param>
/// <param name="Enums">The enums that need a member-name switch, ordered by name.</param>
/// <param name="Objects">The object types that need a helper, ordered by name; nested object types included.</param>
/// <param name="Options">Build settings that shape the output.</param>
internal sealed record TypeToEmit(
    HierarchyInfo Hierarchy,
    EquatableArray<EventMethodInfo> Methods,
    EquatableArray<EnumInfo> Enums,
    EquatableArray<ObjectInfo> Objects,
    GeneratorOptions Options);
