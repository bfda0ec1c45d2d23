using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Consent;

/// <summary>
/// Collection for tests that set the home folder and telemetry environment variables of the process. Its tests run
/// one at a time and apart from all other collections.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsentCollection
{
    public const string Name = "Consent environment";
}
