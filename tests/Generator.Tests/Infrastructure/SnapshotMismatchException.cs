using Xunit.Sdk;

namespace Telemetry.Generators.SourceGeneration.Tests.Infrastructure;

/// <summary>
/// Failure of a snapshot comparison: a new, changed or orphaned snapshot file, or accepting rejected under CI.
/// </summary>
internal sealed class SnapshotMismatchException(string message) : XunitException(message);
