#if NETSTANDARD2_0
// Positional records such as DefaultContextSettings need this type, which netstandard2.0 does not define.
namespace System.Runtime.CompilerServices;

internal static class IsExternalInit
{
}
#endif
