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
        : this(name, name)
    {
    }

    /// <summary>
    /// Sets the formatting culture to <paramref name="name"/> and the UI culture to <paramref name="uiName"/>. An
    /// empty name means the invariant culture.
    /// </summary>
    public CultureScope(string name, string uiName)
    {
        _previousCulture = CultureInfo.CurrentCulture;
        _previousUICulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = Create(name);
        CultureInfo.CurrentUICulture = Create(uiName);
    }

    /// <summary>
    /// Returns whether the culture <paramref name="name"/> can be created. In globalization-invariant mode
    /// (<c>DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1</c>, common in container images) only the invariant culture exists,
    /// and a test that needs another culture has nothing to check there.
    /// </summary>
    public static bool IsAvailable(string name)
    {
        if (name.Length == 0)
        {
            return true;
        }

        try
        {
            _ = new CultureInfo(name);
            return true;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    private static CultureInfo Create(string name) =>
        name.Length == 0 ? CultureInfo.InvariantCulture : new CultureInfo(name);

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _previousCulture;
        CultureInfo.CurrentUICulture = _previousUICulture;
    }
}
