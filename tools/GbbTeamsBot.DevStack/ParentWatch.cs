using System.Runtime.InteropServices;

namespace GbbTeamsBot.DevStack;

/// <summary>
/// Notices when the process that started the launcher is gone (e.g. `dotnet run` killed), so the stack never
/// outlives it. On Unix an orphan is re-parented, which changes getppid(); Windows is not watched.
/// </summary>
internal static partial class ParentWatch
{
    public static async Task WaitForParentExitAsync(CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows())
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            return;
        }

        var parent = GetParentProcessId();
        while (GetParentProcessId() == parent)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        }
    }

    [LibraryImport("libc", EntryPoint = "getppid")]
    private static partial int GetParentProcessId();
}
