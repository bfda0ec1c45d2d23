using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Client;

public sealed class AssemblyVersionsTests
{
    [Theory]
    [InlineData("1.2.0+4f1c2ab", "1.2.0")]
    [InlineData("1.2.0-beta.1+4f1c2ab", "1.2.0-beta.1")]
    [InlineData("1.2.0", "1.2.0")]
    [InlineData("+4f1c2ab", "")]
    [InlineData(null, null)]
    public void RemoveBuildMetadata_CutsAtPlus(string? version, string? expected)
    {
        Assert.Equal(expected, AssemblyVersions.RemoveBuildMetadata(version));
    }

    [Fact]
    public void GetProductVersion_FallsBackToAssemblyVersion()
    {
        // System.Private.CoreLib has an informational version, so use an assembly built without one.
        var assembly = System.Reflection.Emit.AssemblyBuilder.DefineDynamicAssembly(
            new System.Reflection.AssemblyName("NoInformationalVersion") { Version = new System.Version(3, 4, 5, 6) },
            System.Reflection.Emit.AssemblyBuilderAccess.Run);

        Assert.Equal("3.4.5.6", AssemblyVersions.GetProductVersion(assembly));
    }
}
