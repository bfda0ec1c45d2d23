using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using TrainingCli.CommandLine;
using TrainingCli.SampleData;
using TrainingCli.Telemetry;

namespace TrainingCli.Commands;

/// <summary>
/// <c>export</c>: exports the conversation events of an in-memory tracker store, which contains one conversation per
/// sample story, to a file event broker that writes one JSON object per line. Sends Tracker Exported.
/// </summary>
internal static class ExportCommand
{
    private const string ConversationIdsOption = "--conversation-ids";
    private const string OutputOption = "--out";
    private const string DefaultOutputPath = "exported_events.jsonl";
    private const string TrackerStoreName = "InMemoryTrackerStore";
    private const string EventBrokerName = "FileEventBroker";

    public static CommandDefinition Definition { get; } = new(
        "export",
        "Export conversation events from the tracker store to an event broker, here a file of JSON lines.",
        [
            OptionDefinition.WithValue(ConversationIdsOption, "IDS",
                "Comma-separated conversation ids to export (default: all), such as conversation-1,conversation-3."),
            OptionDefinition.WithValue(
                OutputOption,
                "FILE",
                $"File to write the events to (default: {DefaultOutputPath})."),
        ],
        Run);

    private static int Run(CommandContext context, CommandArguments arguments)
    {
        var conversations = SampleConversations();
        var selectedIds = SelectConversationIds(arguments, conversations.Keys);
        var path = context.ResolvePath(arguments.GetString(OutputOption, DefaultOutputPath)!);

        var lines = selectedIds
            .SelectMany(id => conversations[id])
            .Select(conversationEvent => conversationEvent.ToJsonString())
            .ToList();
        File.WriteAllLines(path, lines);

        Events.TrackerExported(lines.Count, TrackerStoreName, EventBrokerName);
        context.Messages.WriteLine(
            $"Exported {lines.Count} events of {selectedIds.Count} conversations from {TrackerStoreName} to {path}.");
        return ExitCodes.Success;
    }

    private static List<string> SelectConversationIds(CommandArguments arguments, IEnumerable<string> knownIds)
    {
        var text = arguments.GetString(ConversationIdsOption);
        if (text is null)
        {
            return knownIds.ToList();
        }

        var ids = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct()
            .ToList();
        var unknown = ids.Except(knownIds).FirstOrDefault();
        if (ids.Count == 0 || unknown is not null)
        {
            throw arguments.InvalidValue(
                ConversationIdsOption,
                text,
                "ids from " + string.Join(", ", knownIds));
        }

        return ids;
    }

    /// <summary>
    /// Returns the tracker store's conversations by id: one per sample story, in which each user turn uses the
    /// text of the intent's first example.
    /// </summary>
    private static Dictionary<string, List<JsonObject>> SampleConversations()
    {
        var conversations = new Dictionary<string, List<JsonObject>>();
        foreach (var (story, index) in SampleProject.Stories.Select((story, index) => (story, index)))
        {
            var id = $"conversation-{index + 1}";
            var events = new List<JsonObject> { new() { ["sender_id"] = id, ["event"] = "session_started" } };

            foreach (var (kind, name) in story.Steps.Select(Story.SplitStep))
            {
                var conversationEvent = new JsonObject { ["sender_id"] = id };
                if (kind == "intent")
                {
                    conversationEvent["event"] = "user";
                    conversationEvent["text"] = FirstExample(name);
                    conversationEvent["intent"] = name;
                }
                else
                {
                    conversationEvent["event"] = "action";
                    conversationEvent["name"] = name;
                }

                events.Add(conversationEvent);
            }

            conversations[id] = events;
        }

        return conversations;
    }

    private static string FirstExample(string intent) =>
        AnnotatedExample.Parse(SampleProject.Intents.Single(candidate => candidate.Name == intent).Examples[0]).Text;
}
