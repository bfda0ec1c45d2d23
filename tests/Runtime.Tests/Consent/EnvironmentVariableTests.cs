using System.IO;
using Microsoft.Extensions.Logging;
using Telemetry.Generators.Runtime.Tests.Support;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Consent;

[Collection(ConsentCollection.Name)]
public sealed class EnvironmentVariableTests : System.IDisposable
{
    private const int InvalidEnvironmentValueEventId = 11;

    private readonly ConsentSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Theory]
    [InlineData("true")]
    [InlineData("TRUE")]
    [InlineData("1")]
    [InlineData("yes")]
    [InlineData("Yes")]
    [InlineData("on")]
    [InlineData("ON")]
    [InlineData(" true ")]
    public void EnabledTrue_SendsWithoutNoticeOrFile(string value)
    {
        _sandbox.Set(ConsentSandbox.EnabledVariable, value);

        using TelemetryClient client = _sandbox.CreateClient(ConsentMode.OptIn);

        Assert.True(client.IsEnabled);
        Assert.Equal(TelemetryConsentState.EnabledByEnvironment, client.ConsentState);
        Assert.Equal(0, _sandbox.NoticeCount);
        Assert.False(File.Exists(_sandbox.DefaultConfigPath));
        Assert.Empty(_sandbox.Logger.WithEventId(InvalidEnvironmentValueEventId));
    }

    [Theory]
    [InlineData("false")]
    [InlineData("False")]
    [InlineData("0")]
    [InlineData("no")]
    [InlineData("NO")]
    [InlineData("off")]
    [InlineData("Off")]
    public void EnabledFalse_DisablesWithoutNoticeOrFile(string value)
    {
        _sandbox.Set(ConsentSandbox.EnabledVariable, value);

        using TelemetryClient client = _sandbox.CreateClient();

        Assert.False(client.IsEnabled);
        Assert.Equal(TelemetryConsentState.DisabledByEnvironment, client.ConsentState);
        Assert.Equal(0, _sandbox.NoticeCount);
        Assert.False(File.Exists(_sandbox.DefaultConfigPath));
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("2")]
    [InlineData("enable")]
    [InlineData("t")]
    public void InvalidEnabled_IgnoredWithOneWarning(string value)
    {
        _sandbox.Set(ConsentSandbox.EnabledVariable, value);

        using TelemetryClient client = _sandbox.CreateClient();

        Assert.Equal(TelemetryConsentState.Enabled, client.ConsentState);
        Assert.Equal(1, _sandbox.NoticeCount);
        LogEntry warning = Assert.Single(_sandbox.Logger.WithEventId(InvalidEnvironmentValueEventId));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(ConsentSandbox.EnabledVariable, warning.Message);
        Assert.Contains($"'{value}'", warning.Message);
    }

    [Fact]
    public void InvalidDebug_IgnoredWithOneWarning()
    {
        _sandbox.Set(ConsentSandbox.DebugVariable, "verbose");

        using TelemetryClient client = _sandbox.CreateClient();
        client.Track("Training Started", null);
        client.Flush();

        Assert.Single(_sandbox.Sink.Items);
        LogEntry warning = Assert.Single(_sandbox.Logger.WithEventId(InvalidEnvironmentValueEventId));
        Assert.Contains(ConsentSandbox.DebugVariable, warning.Message);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("true")]
    [InlineData("TRUE")]
    [InlineData("True")]
    public void DoNotTrack_Disables(string value)
    {
        _sandbox.Set(EnvironmentSettings.DoNotTrackVariable, value);

        using TelemetryClient client = _sandbox.CreateClient();

        Assert.False(client.IsEnabled);
        Assert.Equal(TelemetryConsentState.DisabledByDoNotTrack, client.ConsentState);
        Assert.Equal(0, _sandbox.NoticeCount);
        Assert.False(File.Exists(_sandbox.DefaultConfigPath));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("false")]
    [InlineData("no")]
    [InlineData("")]
    public void DoNotTrack_OtherValuesIgnoredQuietly(string value)
    {
        _sandbox.Set(EnvironmentSettings.DoNotTrackVariable, value);

        using TelemetryClient client = _sandbox.CreateClient();

        Assert.True(client.IsEnabled);
        Assert.Equal(TelemetryConsentState.Enabled, client.ConsentState);
        Assert.Empty(_sandbox.Logger.WithEventId(InvalidEnvironmentValueEventId));
    }

    [Fact]
    public void DoNotTrack_AppliesWithoutConsent()
    {
        _sandbox.Set(EnvironmentSettings.DoNotTrackVariable, "1");
        TelemetryOptions options = _sandbox.CreateOptions();
        options.Consent = null;

        using var client = new TelemetryClient(options);

        Assert.False(client.IsEnabled);
        Assert.Equal(TelemetryConsentState.DisabledByDoNotTrack, client.ConsentState);
    }

    [Fact]
    public void EnabledFalse_AppliesWithoutConsent()
    {
        _sandbox.Set(ConsentSandbox.EnabledVariable, "false");
        TelemetryOptions options = _sandbox.CreateOptions();
        options.Consent = null;

        using var client = new TelemetryClient(options);

        Assert.False(client.IsEnabled);
        Assert.Equal(TelemetryConsentState.DisabledByEnvironment, client.ConsentState);
    }

    [Fact]
    public void DoNotTrack_WinsOverEnabledTrue()
    {
        _sandbox.Set(EnvironmentSettings.DoNotTrackVariable, "1");
        _sandbox.Set(ConsentSandbox.EnabledVariable, "true");

        using TelemetryClient client = _sandbox.CreateClient();

        Assert.Equal(TelemetryConsentState.DisabledByDoNotTrack, client.ConsentState);
    }

    [Fact]
    public void EnabledTrue_WinsOverUserOptOut()
    {
        _sandbox.WriteConfig("{\"enabled\": false}");
        _sandbox.Set(ConsentSandbox.EnabledVariable, "true");

        using TelemetryClient client = _sandbox.CreateClient();

        Assert.Equal(TelemetryConsentState.EnabledByEnvironment, client.ConsentState);
        Assert.Equal("{\"enabled\": false}", _sandbox.ReadConfig());
    }

    [Fact]
    public void EnabledTrue_WinsOverOptions()
    {
        _sandbox.Set(ConsentSandbox.EnabledVariable, "true");
        TelemetryOptions options = _sandbox.CreateOptions();
        options.Enabled = false;

        using var client = new TelemetryClient(options);

        Assert.Equal(TelemetryConsentState.EnabledByEnvironment, client.ConsentState);
    }

    [Fact]
    public void EnabledTrue_UsesStoredIdWithoutWriting()
    {
        _sandbox.WriteConfig("{\"telemetryId\": \"6f1c2a54-8d7e-4b53-9a0f-2c3d4e5f6a7b\"}");
        _sandbox.Set(ConsentSandbox.EnabledVariable, "true");

        using TelemetryClient client = _sandbox.CreateClient();

        Assert.Equal("6f1c2a54-8d7e-4b53-9a0f-2c3d4e5f6a7b", client.AnonymousId);
        Assert.Equal("{\"telemetryId\": \"6f1c2a54-8d7e-4b53-9a0f-2c3d4e5f6a7b\"}", _sandbox.ReadConfig());
    }

    [Fact]
    public void EnabledFalse_WinsOverUserConsent()
    {
        _sandbox.WriteConfig("{\"enabled\": true}");
        _sandbox.Set(ConsentSandbox.EnabledVariable, "false");

        using TelemetryClient client = _sandbox.CreateClient();

        Assert.Equal(TelemetryConsentState.DisabledByEnvironment, client.ConsentState);
    }

    [Fact]
    public void OptionsDisabled_WinsOverUserConsent()
    {
        _sandbox.WriteConfig("{\"enabled\": true}");
        TelemetryOptions options = _sandbox.CreateOptions();
        options.Enabled = false;

        using var client = new TelemetryClient(options);

        Assert.Equal(TelemetryConsentState.DisabledByOptions, client.ConsentState);
    }

    [Fact]
    public void ContinuousIntegration_DisablesWhenAsked()
    {
        _sandbox.Set("GITHUB_ACTIONS", "true");
        TelemetryOptions options = _sandbox.CreateOptions();
        options.DisableInContinuousIntegration = true;

        using var client = new TelemetryClient(options);

        Assert.True(client.IsContinuousIntegration);
        Assert.False(client.IsEnabled);
        Assert.Equal(TelemetryConsentState.DisabledInContinuousIntegration, client.ConsentState);
        Assert.False(File.Exists(_sandbox.DefaultConfigPath));
    }

    [Fact]
    public void ContinuousIntegration_SendsByDefault()
    {
        _sandbox.Set("CI", "true");

        using TelemetryClient client = _sandbox.CreateClient();
        client.Track("Training Started", null);
        client.Flush();

        Assert.True(client.IsContinuousIntegration);
        Assert.Equal(TelemetryConsentState.Enabled, client.ConsentState);
        Assert.Contains("\"ci\":true", Assert.Single(_sandbox.Sink.Bodies));
    }

    [Fact]
    public void ContinuousIntegration_NotDetectedStillSends()
    {
        TelemetryOptions options = _sandbox.CreateOptions();
        options.DisableInContinuousIntegration = true;

        using var client = new TelemetryClient(options);

        Assert.False(client.IsContinuousIntegration);
        Assert.Equal(TelemetryConsentState.Enabled, client.ConsentState);
    }

    [Fact]
    public void WriteKeyVariable_FoundWhileDisabled()
    {
        _sandbox.Set(EnvironmentSettings.DoNotTrackVariable, "1");
        _sandbox.Set(ConsentSandbox.WriteKeyVariable, "key-from-environment");
        TelemetryOptions options = _sandbox.CreateOptions();
        options.Sink = null;

        using var client = new TelemetryClient(options);

        Assert.False(client.IsEnabled);
        Assert.Equal(TelemetryWriteKeySource.EnvironmentVariable, client.WriteKeySource);
        Assert.DoesNotContain(
            _sandbox.Logger.Entries,
            entry => entry.Message.Contains("key-from-environment", System.StringComparison.Ordinal));
    }

    [Fact]
    public void ClientLogsItsState()
    {
        _sandbox.Set(EnvironmentSettings.DoNotTrackVariable, "1");

        using TelemetryClient client = _sandbox.CreateClient();

        LogEntry entry = Assert.Single(_sandbox.Logger.WithEventId(12));
        Assert.Equal("Telemetry client disabled: DisabledByDoNotTrack.", entry.Message);
        Assert.Equal(LogLevel.Debug, entry.Level);
        Assert.DoesNotContain(_sandbox.Logger.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Empty(_sandbox.Logger.WithEventId(1));
    }
}
