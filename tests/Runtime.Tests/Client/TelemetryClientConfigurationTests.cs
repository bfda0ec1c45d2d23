using System;
using System.Reflection;
using Telemetry.Generators.Runtime.Tests.Support;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Client;

public sealed class TelemetryClientConfigurationTests
{
    [Fact]
    public void NoWriteKeyAndNoSink_IsDisabled()
    {
        var logger = new RecordingLogger();
        TelemetryOptions options = TestOptions.CreateWithoutWriteKey();
        options.Logger = logger;
        using var client = new TelemetryClient(options);

        client.Track("Training Started", null);
        client.Flush();

        Assert.False(client.IsEnabled);
        Assert.Equal(TelemetryWriteKeySource.None, client.WriteKeySource);
        Assert.Equal(0, client.AcceptedCount);
        Assert.Contains(client.WriteKeyEnvironmentVariable, Assert.Single(logger.WithEventId(3)).Message);
    }

    [Fact]
    public void EnvironmentVariable_EnablesHttpSink()
    {
        TelemetryOptions options = TestOptions.CreateWithoutWriteKey();
        string variable = options.EnvironmentPrefix + "_TELEMETRY_WRITE_KEY";
        var logger = new RecordingLogger();
        options.Logger = logger;

        using (new EnvironmentVariableScope(variable, "key-from-environment"))
        {
            // Nothing is tracked, so creating and disposing the client sends no request.
            using var client = new TelemetryClient(options);

            Assert.True(client.IsEnabled);
            Assert.Equal(TelemetryWriteKeySource.EnvironmentVariable, client.WriteKeySource);
            Assert.Equal(variable, client.WriteKeyEnvironmentVariable);
            string message = Assert.Single(logger.WithEventId(1)).Message;
            Assert.Contains("SegmentHttpSink(https://api.segment.io/v1/batch)", message);
            Assert.DoesNotContain("key-from-environment", message);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void BlankEnvironmentVariable_CountsAsUnset(string value)
    {
        TelemetryOptions options = TestOptions.CreateWithoutWriteKey();
        using (new EnvironmentVariableScope(options.EnvironmentPrefix + "_TELEMETRY_WRITE_KEY", value))
        {
            using var client = new TelemetryClient(options);

            Assert.False(client.IsEnabled);
            Assert.Equal(TelemetryWriteKeySource.None, client.WriteKeySource);
        }
    }

    [Fact]
    public void OptionsWriteKey_TakesPrecedence()
    {
        TelemetryOptions options = TestOptions.CreateWithoutWriteKey();
        options.WriteKey = "key-from-options";
        options.EntryAssembly = TestOptions.TestAssembly;
        using (new EnvironmentVariableScope(options.EnvironmentPrefix + "_TELEMETRY_WRITE_KEY", "key-from-environment"))
        {
            using var client = new TelemetryClient(options);

            Assert.True(client.IsEnabled);
            Assert.Equal(TelemetryWriteKeySource.Options, client.WriteKeySource);
        }
    }

    [Fact]
    public void EnvironmentVariable_TakesPrecedenceOverMetadata()
    {
        TelemetryOptions options = TestOptions.CreateWithoutWriteKey();
        options.EntryAssembly = TestOptions.TestAssembly;
        using (new EnvironmentVariableScope(options.EnvironmentPrefix + "_TELEMETRY_WRITE_KEY", "key-from-environment"))
        {
            using var client = new TelemetryClient(options);

            Assert.Equal(TelemetryWriteKeySource.EnvironmentVariable, client.WriteKeySource);
        }
    }

    [Fact]
    public void AssemblyMetadata_EnablesHttpSink()
    {
        TelemetryOptions options = TestOptions.CreateWithoutWriteKey();
        options.EntryAssembly = TestOptions.TestAssembly;
        using var client = new TelemetryClient(options);

        Assert.True(client.IsEnabled);
        Assert.Equal(TelemetryWriteKeySource.AssemblyMetadata, client.WriteKeySource);
    }

    [Fact]
    public void BuildTargets_AddWriteKeyMetadata()
    {
        // The test project sets TelemetryWriteKey and imports build/Telemetry.Generators.targets.
        AssemblyMetadataAttribute attribute = Assert.Single(
            TestOptions.TestAssembly.GetCustomAttributes<AssemblyMetadataAttribute>(),
            candidate => candidate.Key == "Telemetry.Generators.WriteKey");

        Assert.Equal("build-time-test-key", attribute.Value);
        Assert.Equal("build-time-test-key", ResolvedTelemetryOptions.ReadWriteKeyMetadata(TestOptions.TestAssembly));
        Assert.Null(ResolvedTelemetryOptions.ReadWriteKeyMetadata(typeof(object).Assembly));
    }

    [Fact]
    public void Sink_OverridesWriteKey()
    {
        var sink = new InMemorySink();
        TelemetryOptions options = TestOptions.Create(sink);
        options.WriteKey = "unused-key";
        using var client = new TelemetryClient(options);

        Assert.True(client.IsEnabled);
        Assert.Equal(TelemetryWriteKeySource.None, client.WriteKeySource);
    }

    [Fact]
    public void Disabled_CreatesNoSink()
    {
        TelemetryOptions options = TestOptions.CreateWithoutWriteKey();
        options.WriteKey = "key-from-options";
        options.Enabled = false;
        using var client = new TelemetryClient(options);

        Assert.False(client.IsEnabled);
        Assert.Equal(TelemetryWriteKeySource.None, client.WriteKeySource);
    }

    [Fact]
    public void EnvironmentPrefix_DefaultsFromAppName()
    {
        TelemetryOptions options = TestOptions.Create(new InMemorySink());
        options.AppName = "TrainingCli";
        using var client = new TelemetryClient(options);

        Assert.Equal("TRAINING_CLI_TELEMETRY_WRITE_KEY", client.WriteKeyEnvironmentVariable);
    }

    [Fact]
    public void EnvironmentPrefix_UsedAsGiven()
    {
        TelemetryOptions options = TestOptions.Create(new InMemorySink());
        options.EnvironmentPrefix = "acme";
        using var client = new TelemetryClient(options);

        Assert.Equal("acme_TELEMETRY_WRITE_KEY", client.WriteKeyEnvironmentVariable);
    }

    [Fact]
    public void AnonymousId_DefaultsToNewUuidPerClient()
    {
        TelemetryOptions options = TestOptions.Create(new InMemorySink());
        options.AnonymousId = null;
        using var first = new TelemetryClient(options);
        using var second = new TelemetryClient(options);

        Assert.True(Guid.TryParseExact(first.AnonymousId, "D", out _));
        Assert.Equal(first.AnonymousId.ToLowerInvariant(), first.AnonymousId);
        Assert.NotEqual(first.AnonymousId, second.AnonymousId);
    }

    [Fact]
    public void Constructor_NullOptionsThrows()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => new TelemetryClient(null!));

        Assert.Equal("options", exception.ParamName);
    }

    [Theory]
    [InlineData(0, "MaxBatchSize is 0")]
    [InlineData(2501, "MaxBatchSize is 2501")]
    public void Constructor_InvalidBatchSizeThrows(int maxBatchSize, string expectedText)
    {
        TelemetryOptions options = TestOptions.Create(new InMemorySink());
        options.MaxBatchSize = maxBatchSize;

        var exception = Assert.Throws<ArgumentException>(() => new TelemetryClient(options));

        Assert.Equal("options", exception.ParamName);
        Assert.Contains(expectedText, exception.Message);
        Assert.Contains("between 1 and 2500", exception.Message);
    }

    [Fact]
    public void Constructor_MaxBatchSizeLimitsAccepted()
    {
        TelemetryOptions options = TestOptions.Create(new InMemorySink());
        options.MaxBatchSize = 2500;
        using var largest = new TelemetryClient(options);
        options.MaxBatchSize = 1;
        using var smallest = new TelemetryClient(options);

        Assert.True(largest.IsEnabled);
        Assert.True(smallest.IsEnabled);
    }

    [Fact]
    public void Constructor_InvalidQueueLengthThrows()
    {
        TelemetryOptions options = TestOptions.Create(new InMemorySink());
        options.MaxQueueLength = 0;

        var exception = Assert.Throws<ArgumentException>(() => new TelemetryClient(options));

        Assert.Contains("MaxQueueLength is 0", exception.Message);
    }

    [Theory]
    [InlineData(nameof(TelemetryOptions.WriteKey))]
    [InlineData(nameof(TelemetryOptions.AppName))]
    [InlineData(nameof(TelemetryOptions.AppVersion))]
    [InlineData(nameof(TelemetryOptions.AnonymousId))]
    [InlineData(nameof(TelemetryOptions.EnvironmentPrefix))]
    public void Constructor_BlankStringOptionThrows(string optionName)
    {
        TelemetryOptions options = TestOptions.Create(new InMemorySink());
        typeof(TelemetryOptions).GetProperty(optionName)!.SetValue(options, " ");

        var exception = Assert.Throws<ArgumentException>(() => new TelemetryClient(options));

        Assert.Equal("options", exception.ParamName);
        Assert.Contains($"TelemetryOptions.{optionName} is empty", exception.Message);
    }

    [Theory]
    [InlineData("relative/", UriKind.Relative, "is relative")]
    [InlineData("ftp://127.0.0.1/", UriKind.Absolute, "'ftp'")]
    public void Constructor_InvalidEndpointThrows(string endpoint, UriKind kind, string expectedText)
    {
        TelemetryOptions options = TestOptions.Create(new InMemorySink());
        options.Endpoint = new Uri(endpoint, kind);

        var exception = Assert.Throws<ArgumentException>(() => new TelemetryClient(options));

        Assert.Contains("TelemetryOptions.Endpoint is invalid", exception.Message);
        Assert.Contains(expectedText, exception.Message);
    }
}
