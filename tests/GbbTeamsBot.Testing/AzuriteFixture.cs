using GbbTeamsBot.DevStack.Local;
using Xunit;

namespace GbbTeamsBot.Testing;

/// <summary>A real Azurite Table service on a free loopback port, in memory, for one test class or collection.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteTableService? _azurite;

    public AzuriteTableService Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not been started.");

    public string ConnectionString => Azurite.ConnectionString;

    public async Task InitializeAsync() => _azurite = await AzuriteTableService.StartAsync();

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
