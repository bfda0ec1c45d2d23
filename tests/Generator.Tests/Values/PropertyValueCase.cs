namespace Telemetry.Generators.SourceGeneration.Tests.Values;

/// <summary>
/// One parameter type of the value tests: the event <paramref name="Name"/>, declared as
/// <c>{Name}Event(TelemetryClient client, {Type} value)</c> and called with <paramref name="Argument"/>, must send
/// <c>{"value":{ExpectedJson}}</c>.
/// </summary>
/// <param name="Name">Event name, also naming the theory row and the consumer's methods.</param>
/// <param name="Type">C# parameter type, as written in the consumer source.</param>
/// <param name="Argument">C# expression passed to the event method.</param>
/// <param name="ExpectedJson">JSON the runtime must write for the argument.</param>
internal sealed record PropertyValueCase(string Name, string Type, string Argument, string ExpectedJson);
