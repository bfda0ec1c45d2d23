using System;
using System.IO;

namespace Telemetry.Generators;

/// <summary>
/// Settings for the per-user config file that records consent, and for the first-run notice.
/// </summary>
/// <remarks>
/// Set an instance as <see cref="TelemetryOptions.Consent"/> to let the client decide from the config file whether
/// to send. The client reads the options once, in its constructor.
/// </remarks>
public sealed class ConsentOptions
{
    /// <summary>
    /// Whether a user who has not decided yet sends telemetry after the first-run notice or only after opting in.
    /// </summary>
    /// <remarks>Default: <see cref="ConsentMode.OptOut"/>.</remarks>
    public ConsentMode Mode { get; set; } = ConsentMode.OptOut;

    /// <summary>
    /// Path of the config file that records consent, the telemetry id and the hashing secret.
    /// </summary>
    /// <remarks>
    /// Default: null, which means the environment variable <c>&lt;PREFIX&gt;_TELEMETRY_CONFIG</c>, and when that is
    /// unset or empty, <c>$XDG_CONFIG_HOME/&lt;app&gt;/telemetry.json</c> or
    /// <c>$HOME/.config/&lt;app&gt;/telemetry.json</c> on Linux and macOS, and
    /// <c>%APPDATA%\&lt;app&gt;\telemetry.json</c> on Windows, where <c>&lt;app&gt;</c> is
    /// <see cref="TelemetryOptions.AppName"/>. A relative path is resolved against the current directory. An empty or
    /// white-space value is invalid. On Linux and macOS with neither <c>XDG_CONFIG_HOME</c> nor <c>HOME</c> set, and
    /// no explicit path, the client has no config file and sends nothing.
    /// </remarks>
    public string? ConfigPath { get; set; }

    /// <summary>
    /// Writer that receives the first-run notice.
    /// </summary>
    /// <remarks>Default: null, which means <see cref="Console.Error"/>.</remarks>
    public TextWriter? NoticeWriter { get; set; }

    /// <summary>
    /// Whether the first-run notice is printed when standard error is redirected to a file or pipe.
    /// </summary>
    /// <remarks>
    /// Default: <see langword="true"/>. When <see langword="false"/> and standard error is redirected, a user who
    /// has not decided yet gets no notice, so in <see cref="ConsentMode.OptOut"/> mode the client records nothing,
    /// sends nothing for that run and reports <see cref="TelemetryConsentState.NotYetGranted"/>. The notice then
    /// appears in the first run whose standard error is a terminal.
    /// </remarks>
    public bool ShowNoticeWhenOutputRedirected { get; set; } = true;

    /// <summary>
    /// Command that turns telemetry off, such as <c>trainingcli telemetry disable</c>, shown in the notice.
    /// </summary>
    /// <remarks>Default: null, which leaves the command out of the notice. The environment variables are always
    /// shown.</remarks>
    public string? OptOutCommand { get; set; }

    /// <summary>
    /// Address of the page that describes the collected data, shown in the notice.
    /// </summary>
    /// <remarks>Default: null, which leaves the link out of the notice.</remarks>
    public string? MoreInfoUrl { get; set; }

    // Tests replace the check, because under a test host standard error is always redirected.
    internal Func<bool>? IsOutputRedirected { get; set; }
}
