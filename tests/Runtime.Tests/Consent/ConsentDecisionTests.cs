using System;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Consent;

public sealed class ConsentDecisionTests
{
    // Inputs under which every rule passes and the config file records consent.
    private static readonly ConsentInputs Sending = new()
    {
        OptionsEnabled = true,
        HasSink = true,
        HasConsentOptions = true,
        Mode = ConsentMode.OptOut,
        Stored = StoredConsent.Granted,
        CanShowNotice = true,
    };

    [Fact]
    public void AllRulesPass_Enabled()
    {
        ConsentDecision decision = ConsentDecision.Decide(Sending);

        Assert.Equal(TelemetryConsentState.Enabled, decision.State);
        Assert.False(decision.RequiresFirstRun);
        Assert.True(decision.IsEnabled);
    }

    [Fact]
    public void DoNotTrack_WinsOverEverything()
    {
        ConsentInputs inputs = Sending with { DoNotTrack = true, EnvironmentEnabled = true };

        Assert.Equal(TelemetryConsentState.DisabledByDoNotTrack, ConsentDecision.Decide(inputs).State);
    }

    [Fact]
    public void EnvironmentFalse_WinsOverConsent()
    {
        ConsentInputs inputs = Sending with { EnvironmentEnabled = false };

        Assert.Equal(TelemetryConsentState.DisabledByEnvironment, ConsentDecision.Decide(inputs).State);
    }

    [Fact]
    public void EnvironmentTrue_WinsOverOptionsAndUser()
    {
        ConsentInputs inputs = Sending with
        {
            EnvironmentEnabled = true,
            OptionsEnabled = false,
            IsContinuousIntegration = true,
            DisableInContinuousIntegration = true,
            Stored = StoredConsent.Denied,
        };

        ConsentDecision decision = ConsentDecision.Decide(inputs);

        Assert.Equal(TelemetryConsentState.EnabledByEnvironment, decision.State);
        Assert.False(decision.RequiresFirstRun);
        Assert.True(decision.IsEnabled);
    }

    [Fact]
    public void EnvironmentTrueWithoutSink_NoSink()
    {
        ConsentInputs inputs = Sending with { EnvironmentEnabled = true, HasSink = false };

        Assert.Equal(TelemetryConsentState.NoSink, ConsentDecision.Decide(inputs).State);
    }

    [Fact]
    public void OptionsDisabled_WinsOverConfig()
    {
        ConsentInputs inputs = Sending with { OptionsEnabled = false, Stored = StoredConsent.Unavailable };

        Assert.Equal(TelemetryConsentState.DisabledByOptions, ConsentDecision.Decide(inputs).State);
    }

    [Fact]
    public void ContinuousIntegration_OffOnlyWhenAsked()
    {
        ConsentInputs detected = Sending with { IsContinuousIntegration = true };
        ConsentInputs disabled = detected with { DisableInContinuousIntegration = true };

        Assert.Equal(TelemetryConsentState.Enabled, ConsentDecision.Decide(detected).State);
        Assert.Equal(TelemetryConsentState.DisabledInContinuousIntegration, ConsentDecision.Decide(disabled).State);
    }

    [Fact]
    public void NoSink_WinsOverConfig()
    {
        ConsentInputs inputs = Sending with { HasSink = false, Stored = StoredConsent.None };

        ConsentDecision decision = ConsentDecision.Decide(inputs);

        Assert.Equal(TelemetryConsentState.NoSink, decision.State);
        Assert.False(decision.RequiresFirstRun);
    }

    // StoredConsent is internal, so the cases name its members.
    [Theory]
    [InlineData(nameof(StoredConsent.None))]
    [InlineData(nameof(StoredConsent.Denied))]
    [InlineData(nameof(StoredConsent.Unavailable))]
    public void NoConsentOptions_IgnoresConfig(string stored)
    {
        ConsentInputs inputs = Sending with { HasConsentOptions = false, Stored = Enum.Parse<StoredConsent>(stored) };

        ConsentDecision decision = ConsentDecision.Decide(inputs);

        Assert.Equal(TelemetryConsentState.Enabled, decision.State);
        Assert.False(decision.RequiresFirstRun);
    }

    [Theory]
    [InlineData(nameof(StoredConsent.Granted), ConsentMode.OptOut, TelemetryConsentState.Enabled)]
    [InlineData(nameof(StoredConsent.Granted), ConsentMode.OptIn, TelemetryConsentState.Enabled)]
    [InlineData(nameof(StoredConsent.Denied), ConsentMode.OptOut, TelemetryConsentState.DisabledByUser)]
    [InlineData(nameof(StoredConsent.Denied), ConsentMode.OptIn, TelemetryConsentState.DisabledByUser)]
    [InlineData(nameof(StoredConsent.Unavailable), ConsentMode.OptOut, TelemetryConsentState.ConfigUnavailable)]
    [InlineData(nameof(StoredConsent.Unavailable), ConsentMode.OptIn, TelemetryConsentState.ConfigUnavailable)]
    [InlineData(nameof(StoredConsent.None), ConsentMode.OptIn, TelemetryConsentState.NotYetGranted)]
    public void StoredDecision_Decides(string stored, ConsentMode mode, TelemetryConsentState expected)
    {
        ConsentInputs inputs = Sending with { Stored = Enum.Parse<StoredConsent>(stored), Mode = mode };

        ConsentDecision decision = ConsentDecision.Decide(inputs);

        Assert.Equal(expected, decision.State);
        Assert.False(decision.RequiresFirstRun);
    }

    [Fact]
    public void OptOutWithoutDecision_RequiresFirstRun()
    {
        ConsentInputs inputs = Sending with { Stored = StoredConsent.None };

        ConsentDecision decision = ConsentDecision.Decide(inputs);

        Assert.Equal(TelemetryConsentState.Enabled, decision.State);
        Assert.True(decision.RequiresFirstRun);
    }

    [Fact]
    public void OptOutWithoutNotice_NotYetGranted()
    {
        ConsentInputs inputs = Sending with { Stored = StoredConsent.None, CanShowNotice = false };

        ConsentDecision decision = ConsentDecision.Decide(inputs);

        Assert.Equal(TelemetryConsentState.NotYetGranted, decision.State);
        Assert.False(decision.RequiresFirstRun);
        Assert.False(decision.IsEnabled);
    }
}
