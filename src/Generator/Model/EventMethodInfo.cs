namespace Telemetry.Generators.SourceGeneration.Model;

/// <summary>
/// Everything the emitter needs to write the body of one <c>[TelemetryEvent]</c> method, with no Roslyn symbols.
/// </summary>
/// <param name="Hierarchy">The containing types.</param>
/// <param name="EventName">The Segment event name, or null when the attribute argument is missing or not constant.</param>
/// <param name="Modifiers">The method's modifiers as written, e.g. <c>public static partial</c>.</param>
/// <param name="ReturnType">The return type as written in code (<c>void</c> for every valid event).</param>
/// <param name="Name">The method identifier, escaped with <c>@</c> when it is a keyword.</param>
/// <param name="TypeParameters">The method's type parameter list, or empty.</param>
/// <param name="Constraints">One <c>where</c> clause per constrained type parameter.</param>
/// <param name="Parameters">The parameters in declaration order.</param>
/// <param name="Client">Where the generated body takes its <c>TelemetryClient</c> from.</param>
/// <param name="IsValid">Whether the body sends the event; when false it only satisfies the compiler.</param>
/// <param name="DeclarationIndex">Which of the containing type's partial declarations contains the method, in
/// compilation order, to order methods of a type split over several parts.</param>
/// <param name="MemberIndex">The method's index among the members of that declaration. Unlike a text position, it does
/// not change when an edit elsewhere in the file moves the method, so the step stays cached.</param>
internal sealed record EventMethodInfo(
    HierarchyInfo Hierarchy,
    string? EventName,
    string Modifiers,
    string ReturnType,
    string Name,
    string TypeParameters,
    EquatableArray<string> Constraints,
    EquatableArray<ParameterInfo> Parameters,
    ClientInfo Client,
    bool IsValid,
    int DeclarationIndex,
    int MemberIndex);

/// <summary>
/// One parameter of an event method.
/// </summary>
/// <param name="Modifiers">Modifiers as written (<c>in</c>, <c>ref readonly</c>, <c>scoped</c>, <c>params</c>,
/// <c>this</c>, <c>out</c>), or empty.</param>
/// <param name="Type">The type as written in code, fully qualified, with nullable annotations when they apply.</param>
/// <param name="Identifier">The name as written in code, with <c>@</c> when it is a keyword.</param>
/// <param name="Name">The name without <c>@</c>, before the naming policy applies.</param>
/// <param name="Rename">The key given by <c>[TelemetryProperty]</c>, used as is, or null.</param>
/// <param name="Value">How the value is converted.</param>
/// <param name="IsClient">Whether this parameter supplies the client instead of a property.</param>
/// <param name="IsOut">Whether this is an <c>out</c> parameter, which the body must assign.</param>
internal sealed record ParameterInfo(
    string Modifiers,
    string Type,
    string Identifier,
    string Name,
    string? Rename,
    ValueInfo Value,
    bool IsClient,
    bool IsOut);

/// <summary>
/// The expression that yields the client: a parameter, a member of the containing type, or the process-wide default.
/// </summary>
/// <param name="Expression">C# code that evaluates to the client, e.g. <c>this.telemetry</c>.</param>
internal sealed record ClientInfo(string Expression)
{
    public static ClientInfo Default { get; } = new("global::Telemetry.Generators.TelemetryClient.Default");
}
