using GbbTeamsBot.Tests.Messages;

namespace GbbTeamsBot.Tests.Adversarial;

/// <summary>
/// Development-only switches and implicit credentials stop a Production start with a message naming the key. A null
/// value leaves the key unset, so the default applies.
/// </summary>
public sealed class StartupGuardTests
{
    [Theory]
    [InlineData("Teams:DevClockSpeed", "60", "Teams:DevClockSpeed")]
    [InlineData("Teams:DevClockOffset", "1.00:00:00", "Teams:DevClockOffset")]
    [InlineData("Bot:AllowUnauthenticated", "true", "Bot:AllowUnauthenticated")]
    [InlineData("Bot:Credential:Type", null, "Bot:Credential:Type")]
    public async Task Production_start_is_refused_and_names_the_setting(string key, string? value, string named)
    {
        await using var bot = await BotHost.StartAsync(
            new Dictionary<string, string?> { ["Bot:Credential:Type"] = "ManagedIdentity", [key] = value },
            environment: "Production", kestrel: false);

        var error = Assert.ThrowsAny<Exception>(() => bot.Factory.CreateClient());

        // The refusal names the key in the exception or, when a failed start is reported as a later disposal, in the start-up log.
        Assert.Contains(named, Flatten(error) + " | " + string.Join(" | ", bot.Logs), StringComparison.Ordinal);
    }

    private static string Flatten(Exception error)
    {
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
            if (e is AggregateException aggregate)
            {
                messages.AddRange(aggregate.InnerExceptions.Select(i => i.Message));
            }
        }

        return string.Join(" | ", messages);
    }
}
