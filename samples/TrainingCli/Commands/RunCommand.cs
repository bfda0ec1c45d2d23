using System;
using System.Collections.Generic;
using System.Linq;
using TrainingCli.CommandLine;
using TrainingCli.SampleData;
using TrainingCli.Telemetry;

namespace TrainingCli.Commands;

/// <summary>
/// <c>run</c>: checks the server configuration, sends Server Started and stops without serving requests.
/// </summary>
internal static class RunCommand
{
    private const string EnableApiOption = "--enable-api";
    private const string WorkersOption = "--workers";
    private const string ActionServerOption = "--action-server";
    private const string DefaultChannel = "rest";
    private const int DefaultPort = 5005;

    /// <summary>Input channels the server can open, by name.</summary>
    private static readonly string[] KnownChannels = ["rest", "socketio", "callback", "slack", "telegram"];

    public static CommandDefinition Definition { get; } = new(
        "run",
        "Start the model server with the given input channels (default: rest). The sample checks the "
            + "configuration, reports the server as started and exits instead of serving requests.",
        [
            OptionDefinition.Flag(EnableApiOption, "Also serve the HTTP API for managing the model and conversations."),
            OptionDefinition.WithValue(WorkersOption, "N", "Number of worker processes, at least 1 (default: 1)."),
            OptionDefinition.WithValue(ActionServerOption, "URL", "URL of the server that runs custom actions."),
        ],
        Run,
        ArgumentsSyntax: "[CHANNEL...]",
        MaxArguments: KnownChannels.Length);

    private static int Run(CommandContext context, CommandArguments arguments)
    {
        var channels = ParseChannels(arguments);
        var apiEnabled = arguments.Has(EnableApiOption);
        var workers = arguments.GetInt32(WorkersOption, defaultValue: 1, minimum: 1);
        var actionServer = ParseActionServer(arguments);

        Events.ServerStarted(
            channels,
            apiEnabled,
            workers,
            endpointsNlg: null,
            endpointsNlu: null,
            endpointsActionServer: actionServer is null ? null : "HttpActionEndpoint",
            endpointsModelServer: null,
            endpointsTrackerStore: "InMemoryTrackerStore",
            endpointsLockStore: "InMemoryLockStore",
            endpointsEventBroker: null,
            project: ProjectDocuments.Fingerprint());

        context.Messages.WriteLine($"Server started on port {DefaultPort} with {workers} worker(s) and channels: "
            + string.Join(", ", channels) + ".");
        context.Messages.WriteLine(apiEnabled ? "The HTTP API is enabled." : "The HTTP API is disabled.");
        if (actionServer is not null)
        {
            context.Messages.WriteLine($"Custom actions run on {actionServer}.");
        }

        context.Messages.WriteLine("The sample serves no requests, so the server stops now.");
        return ExitCodes.Success;
    }

    private static IReadOnlyList<string> ParseChannels(CommandArguments arguments)
    {
        foreach (var channel in arguments.Positionals)
        {
            if (!KnownChannels.Contains(channel))
            {
                throw arguments.InvalidValue("CHANNEL", channel, "one of " + string.Join(", ", KnownChannels));
            }
        }

        return arguments.Positionals.Count == 0 ? [DefaultChannel] : arguments.Positionals.Distinct().ToList();
    }

    private static Uri? ParseActionServer(CommandArguments arguments)
    {
        var text = arguments.GetString(ActionServerOption);
        if (text is null)
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw arguments.InvalidValue(ActionServerOption, text, "an absolute http or https URL");
    }
}
