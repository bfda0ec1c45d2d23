using System;
using System.Globalization;

namespace Telemetry.Generators.Runtime.Tests.Support;

/// <summary>
/// Sets the current culture and UI culture of the running thread and restores both on dispose.
/// </summary>
internal sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _previousCulture;
    private readonly CultureInfo _previousUICulture;

    public CultureScope(string name)
    {
        _previousCulture = CultureInfo.CurrentCulture;
        _previousUICulture = CultureInfo.CurrentUICulture;
        CultureInfo culture = name.Length == 0 ? CultureInfo.InvariantCulture : new CultureInfo(name);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _previousCulture;
        CultureInfo.CurrentUICulture = _previousUICulture;
    }
}
