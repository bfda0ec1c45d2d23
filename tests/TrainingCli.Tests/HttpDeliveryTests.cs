using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using TrainingCli.Tests.Infrastructure;
using Xunit;

namespace TrainingCli.Tests;

/// <summary>
/// Runs <c>train</c> with a write key against a collector on the loopback address and checks the HTTP request
/// the sample sends, or the spool file it writes when the endpoint refuses connections.
/// </summary>
public sealed class HttpDeliveryTests : IDisposable
{
    private const string WriteKey = "abc123";

    // Segment's documented example: Basic authentication of "abc123:" with an empty password.
    private const string ExpectedAuthorization = "Basic YWJjMTIzOg==";

    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public async Task WriteKeyOption_PostsBatchToEndpoint()
    {
        await using var collector = new LoopbackCollector();

        var result = await TrainingCliProcess.RunAsync(
            ["--write-key", WriteKey, "--endpoint", collector.BaseAddress.ToString(), "train"],
            sandbox);

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertSingleTrainingRequest(collector);
        Assert.Empty(SegmentBatches.ParseBodies(result.StandardOutput));
    }

    [Fact]
    public async Task WriteKeyVariable_PostsBatchToEndpoint()
    {
        await using var collector = new LoopbackCollector();

        var result = await TrainingCliProcess.RunAsync(
            ["train", "--endpoint", collector.BaseAddress.ToString()],
            sandbox,
            new Dictionary<string, string?> { ["TRAINING_CLI_TELEMETRY_WRITE_KEY"] = WriteKey });

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertSingleTrainingRequest(collector);
        Assert.Empty(SegmentBatches.ParseBodies(result.StandardOutput));
    }

    [Fact]
    public async Task RefusedEndpoint_SpoolsEventsInsteadOfDropping()
    {
        var endpoint = LoopbackCollector.AddressWithoutListener();

        var result = await TrainingCliProcess.RunAsync(
            ["--write-key", WriteKey, "--endpoint", endpoint.ToString(), "train"],
            sandbox);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("were dropped", result.StandardError, StringComparison.Ordinal);

        var spoolFile = Assert.Single(sandbox.SpoolFiles());
        var items = CliSandbox.ReadSpooledItems(spoolFile);
        Assert.Equal(["Training Started", "Training Completed"], SegmentBatches.EventNames(items));
        foreach (var item in items)
        {
            EventCatalogue.AssertConforms(item);
        }
    }

    private static void AssertSingleTrainingRequest(LoopbackCollector collector)
    {
        var request = Assert.Single(collector.Requests);
        Assert.Equal("POST /v1/batch HTTP/1.1", request.RequestLine);
        Assert.Equal(ExpectedAuthorization, request.Headers["Authorization"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);

        using var body = JsonDocument.Parse(request.Body);
        var items = SegmentBatches.Items([body.RootElement]);
        Assert.Equal(["Training Started", "Training Completed"], SegmentBatches.EventNames(items));
        foreach (var item in items)
        {
            EventCatalogue.AssertConforms(item);
        }

        Assert.DoesNotContain(WriteKey, request.Body, StringComparison.Ordinal);
    }
}
