namespace Telemetry.Generators.SourceGeneration.Model;

/// <summary>
/// The reasons a parameter type cannot be sent as a property.
/// </summary>
internal enum ValueProblemKind
{
    /// <summary>The type, or a type inside it, has no JSON form.</summary>
    Unsupported,

    /// <summary>The type contains itself through its properties.</summary>
    Cycle,
}

/// <summary>
/// Why a parameter type cannot be sent, for the analyzers' messages.
/// </summary>
/// <param name="Kind">Unsupported type or cycle.</param>
/// <param name="Reason">A clause naming the offending type, possibly one inside the parameter type, and why it
/// cannot be sent, e.g. <c>System.Action has no JSON form because delegates are code, not data</c>. For a cycle it
/// names the cycle, e.g. <c>the properties of MyApp.Node form a cycle (Node.Children → Node)</c>.</param>
/// <param name="CyclePath">For <see cref="ValueProblemKind.Cycle"/>, the properties that lead back to a type already
/// being read, e.g. <c>Node.Children → Node</c>; otherwise null.</param>
internal sealed record ValueProblem(ValueProblemKind Kind, string Reason, string? CyclePath);
