namespace TrainingCli;

/// <summary>Process exit codes of the tool.</summary>
internal static class ExitCodes
{
    /// <summary>The command succeeded.</summary>
    public const int Success = 0;

    /// <summary>The command ran and failed, for example a training run that raised an error.</summary>
    public const int CommandFailed = 1;

    /// <summary>The command line was invalid, so no command ran.</summary>
    public const int UsageError = 2;
}
