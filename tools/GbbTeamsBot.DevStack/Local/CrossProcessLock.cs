namespace GbbTeamsBot.DevStack.Local;

/// <summary>
/// A lock shared by all processes on the machine that use this repository (test projects run in parallel processes):
/// an exclusively opened file under .local/. The operating system releases it when the holder dies.
/// </summary>
public static class CrossProcessLock
{
    public static async Task<IAsyncDisposable> AcquireAsync(string name, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(RepoPaths.LocalData);
        var path = Path.Combine(RepoPaths.LocalData, name + ".lock");
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
