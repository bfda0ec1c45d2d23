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
/// <param name="Reason">For <see cref="ValueProblemKind.Unsupported"/>, a clause naming the offending type and why,
/// e.g. <c>delegates have no JSON form</c>.</param>
/// <param name="CyclePath">For <see cref="ValueProblemKind.Cycle"/>, the path that closes the cycle, e.g.
/// <c>Node.Children → Node</c>; otherwise null.</param>
internal sealed record ValueProblem(ValueProblemKind Kind, string Reason, string? CyclePath);
