using System;
using System.IO;
using Telemetry.Generators;
using TrainingCli.CommandLine;
using TrainingCli.Commands;
using TrainingCli.Telemetry;

namespace TrainingCli;

/// <summary>
/// Entry point: parses the command line, sets up telemetry, runs the command and flushes the events before exit.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        try
        {
            var commandLine = CommandLineParser.Parse(args, CommandCatalog.All);
            if (commandLine.HelpRequested)
            {
                Console.Out.Write(commandLine.Command is null
                    ? HelpText.General(CommandCatalog.All)
                    : HelpText.ForCommand(commandLine.Command));
                return ExitCodes.Success;
            }

            var clock = TimeProvider.System;
            using var telemetry = TelemetrySetup.CreateClient(
                commandLine.Global,
                commandLine.Command,
                Console.Out,
                Console.Error,
                clock);
            TelemetryClient.Default = telemetry;

            var context = new CommandContext(
                Console.In,
                Console.Error,
                Environment.CurrentDirectory,
                clock,
                telemetry);
            var exitCode = RunCommand(commandLine.Command, context, commandLine.Arguments);

            // Disposing sends the waiting events within a short bound and spools the rest for the next run. The
            // warning reports events that were lost, but not those an opt-out deleted on purpose.
            telemetry.Dispose();
            var statistics = telemetry.GetStatistics();
            var lost = statistics.Dropped - statistics.GetDroppedCount(TelemetryDropReason.OptedOut);
            if (lost > 0)
            {
                Console.Error.WriteLine($"warning: {lost} telemetry event(s) could not be sent and were dropped.");
            }

            return exitCode;
        }
        catch (UsageException exception)
        {
            Console.Error.WriteLine($"error: {exception.Message}");
            Console.Error.WriteLine();
            Console.Error.Write(exception.Command is null
                ? HelpText.General(CommandCatalog.All)
                : HelpText.ForCommand(exception.Command));
            return ExitCodes.UsageError;
        }
    }

    /// <summary>Runs the command and turns a failure into its message and exit code.</summary>
    private static int RunCommand(CommandDefinition command, CommandContext context, CommandArguments arguments)
    {
        try
        {
            return command.Run(context, arguments);
        }
        catch (CommandFailedException exception)
        {
            context.Messages.WriteLine($"error: {exception.Message}");
            return ExitCodes.CommandFailed;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            context.Messages.WriteLine($"error: {command.Name} failed: {exception.Message}");
            return ExitCodes.CommandFailed;
        }
    }
}
