using System;
using System.Collections.Generic;
using System.Linq;
using Telemetry.Generators;
using Xunit;

namespace LegacyConsumer
{
    /// <summary>Checks the payloads sent by events compiled under C# 7.3.</summary>
    public sealed class LegacyConsumerTests
    {
        /// <summary>Static events send the default client exact properties.</summary>
        [Fact]
        public void StaticEventsSendExactProperties()
        {
            var sink = new InMemorySink();
            var previous = TelemetryClient.Default;
            TelemetryClient.Default = new TelemetryClient(new TelemetryOptions { Sink = sink, AppName = "legacy" });
            try
            {
                LegacyEvents.SendAll();
                TelemetryClient.Default.Flush();
            }
            finally
            {
                TelemetryClient.Default = previous;
            }

            var items = sink.Items;
            Assert.Equal(3, items.Count);
            Assert.Equal("Training Started", items[0].Event);
            Assert.Equal(
                "{\"model_type\":\"rasa\",\"is_finetuning\":false,\"num_story_steps\":12}",
                items[0].Properties.ToString());
            Assert.Equal("Model Exported", items[1].Event);
            Assert.Equal(
                "{\"kind\":\"nlu_only\",\"size_megabytes\":null,\"formats\":[\"onnx\",\"tar\"]}",
                items[1].Properties.ToString());
            Assert.Equal("Data Counted", items[2].Event);
            Assert.Equal(
                "{\"counts\":{\"intents\":4,\"entities\":2},\"type\":\"nlu\"}",
                items[2].Properties.ToString());
        }

        /// <summary>An instance event sends through the client in its field, not the default one.</summary>
        [Fact]
        public void InstanceEventUsesFieldClient()
        {
            var sink = new InMemorySink();
            using (var client = new TelemetryClient(new TelemetryOptions { Sink = sink, AppName = "legacy" }))
            {
                new Session(client).Start();
                client.Flush();
            }

            var item = Assert.Single(sink.Items);
            Assert.Equal("Shell Started", item.Event);
            Assert.Equal("{\"type\":\"core\"}", item.Properties.ToString());
        }
    }
}
