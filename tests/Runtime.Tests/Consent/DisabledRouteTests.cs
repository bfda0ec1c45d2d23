using System;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Consent;

/// <summary>
/// With telemetry off by any route, the sink receives nothing and the config file keeps its bytes and its
/// modification time.
/// </summary>
[Collection(ConsentCollection.Name)]
public sealed class DisabledRouteTests : IDisposable
{
    private static readonly DateTime OldWriteTime = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly ConsentSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    public static TheoryData<string, string, TelemetryConsentState> Routes => new()
    {
        { "DoNotTrack", "{\"enabled\": true, \"theme\": \"dark\"}", TelemetryConsentState.DisabledByDoNotTrack },
        { "EnvironmentFalse", "{\"enabled\": true}", TelemetryConsentState.DisabledByEnvironment },
        { "OptionsDisabled", "{\"enabled\": true}", TelemetryConsentState.DisabledByOptions },
        { "ContinuousIntegration", "{\"enabled\": true}", TelemetryConsentState.DisabledInContinuousIntegration },
        { "UserOptedOut", "{\"enabled\": false, \"theme\": \"dark\"}", TelemetryConsentState.DisabledByUser },
        { "OptInNotGranted", "{\"theme\": \"dark\"}", TelemetryConsentState.NotYetGranted },
        { "NoticeNotShowable", "{\"theme\": \"dark\"}", TelemetryConsentState.NotYetGranted },
        { "UserOptedOutWithoutId", "{\"enabled\": false}", TelemetryConsentState.DisabledByUser },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task DisabledRoute_SendsAndWritesNothing(string route, string config, TelemetryConsentState expected)
    {
        _sandbox.WriteConfig(config);
        File.SetLastWriteTimeUtc(_sandbox.DefaultConfigPath, OldWriteTime);
        TelemetryOptions options = CreateOptions(route);

        var client = new TelemetryClient(options);
        client.Track("Training Started", null);
        await client.FlushAsync();
        client.Dispose();

        Assert.Equal(expected, client.ConsentState);
        Assert.Empty(_sandbox.Sink.Items);
        Assert.Equal(config, _sandbox.ReadConfig());
        Assert.Equal(OldWriteTime, File.GetLastWriteTimeUtc(_sandbox.DefaultConfigPath));
        Assert.Equal(0, _sandbox.NoticeCount);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(_sandbox.DefaultConfigPath)!));
    }

    [Fact]
    public async Task DisabledWithoutFile_CreatesNone()
    {
        _sandbox.Set(EnvironmentSettings.DoNotTrackVariable, "1");

        var client = _sandbox.CreateClient();
        client.Track("Training Started", null);
        await client.FlushAsync();
        client.Dispose();

        Assert.Empty(_sandbox.Sink.Items);
        Assert.False(Directory.Exists(Path.Combine(_sandbox.Home, ".config")));
    }

    private TelemetryOptions CreateOptions(string route)
    {
        TelemetryOptions options = _sandbox.CreateOptions();
        switch (route)
        {
            case "DoNotTrack":
                _sandbox.Set(EnvironmentSettings.DoNotTrackVariable, "1");
                break;
            case "EnvironmentFalse":
                _sandbox.Set(ConsentSandbox.EnabledVariable, "false");
                break;
            case "OptionsDisabled":
                options.Enabled = false;
                break;
            case "ContinuousIntegration":
                _sandbox.Set("TF_BUILD", "True");
                options.DisableInContinuousIntegration = true;
                break;
            case "OptInNotGranted":
                options.Consent!.Mode = ConsentMode.OptIn;
                break;
            case "NoticeNotShowable":
                options.Consent!.ShowNoticeWhenOutputRedirected = false;
                options.Consent.IsOutputRedirected = () => true;
                break;
        }

        return options;
    }
}
