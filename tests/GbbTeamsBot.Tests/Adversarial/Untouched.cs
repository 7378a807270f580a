using GbbTeamsBot.BotFramework.Conversations;
using GbbTeamsBot.Tests.Messages;
using Microsoft.Extensions.DependencyInjection;

namespace GbbTeamsBot.Tests.Adversarial;

/// <summary>The shared verdict of every adversarial case: nothing stored, nothing sent, nothing dispatched, nothing leaked or failed in the logs.</summary>
internal static class Untouched
{
    public static async Task AssertAsync(BotHost bot, params string[] mustNotBeLogged)
    {
        await Task.Delay(300);
        Assert.Empty(bot.Connector.Requests);
        Assert.Empty(bot.Routes.Ping.Arguments);
        var store = bot.Factory.Services.GetRequiredService<IConversationReferenceStore>();
        Assert.Null(await store.GetAsync(BotHost.ConversationId, CancellationToken.None));
        AssertLogsClean(bot, mustNotBeLogged);
    }

    public static void AssertLogsClean(BotHost bot, params string[] mustNotBeLogged)
    {
        var logs = bot.Logs.ToArray();
        var failures = logs.Where(l => l.StartsWith("Error:", StringComparison.Ordinal) || l.StartsWith("Critical:", StringComparison.Ordinal)).ToArray();
        Assert.True(failures.Length == 0, string.Join(Environment.NewLine, failures));
        foreach (var secret in mustNotBeLogged)
        {
            Assert.DoesNotContain(logs, l => l.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }
}
