using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Telemetry.Generators.Runtime.Tests.Support;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Sinks;

public sealed class PrintSinkTests
{
    [Fact]
    public async Task SendAsync_WritesIndentedBody()
    {
        var output = new StringWriter { NewLine = "\n" };
        var sink = new PrintSink(output, new ManualTimeProvider(SampleItems.SentAt));
        var batch = new[] { SampleItems.CreateSimple("id-1", "Model Saved", "größe") };

        await sink.SendAsync(batch, CancellationToken.None);

        // The JSON uses the platform's line endings, and the separator after it is the writer's NewLine.
        string expectedJson = """
            {
              "batch": [
                {
                  "type": "track",
                  "messageId": "id-1",
                  "anonymousId": "anon-1",
                  "event": "Model Saved",
                  "properties": {
                    "text": "größe"
                  },
                  "context": {},
                  "timestamp": "2024-03-09T14:05:07.250Z"
                }
              ],
              "sentAt": "2024-03-09T14:05:08.000Z"
            }
            """;
        Assert.Equal(expectedJson.Replace("\n", Environment.NewLine) + "\n", output.ToString());
    }

    [Fact]
    public async Task SendAsync_SeparatesBatchesWithNewLine()
    {
        var output = new StringWriter { NewLine = "\n" };
        var sink = new PrintSink(output, new ManualTimeProvider(SampleItems.SentAt));

        await sink.SendAsync(Array.Empty<TrackItem>(), CancellationToken.None);
        await sink.SendAsync(Array.Empty<TrackItem>(), CancellationToken.None);

        string body = """
            {
              "batch": [],
              "sentAt": "2024-03-09T14:05:08.000Z"
            }
            """.Replace("\n", Environment.NewLine);
        Assert.Equal(body + "\n" + body + "\n", output.ToString());
    }

    [Fact]
    public void Constructor_NullWriterThrows()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => new PrintSink(null!));

        Assert.Equal("writer", exception.ParamName);
    }
}
