using GbbTeamsBot.DevStack.Local;

namespace GbbTeamsBot.EndToEnd.Tests;

/// <summary>The committed Playground config (used by the launcher) and the model the tests use must agree.</summary>
public sealed class PlaygroundConfigTests
{
    [Fact]
    public void Committed_playground_config_matches_the_Sozialraum_Nord_model()
    {
        var committed = File.ReadAllText(Path.Combine(RepoPaths.Root, "tools", "playground", PlaygroundConfig.FileName)).ReplaceLineEndings("\n");

        Assert.Equal(PlaygroundConfig.SozialraumNord.ToYaml(), committed);
    }

    [Fact]
    public void Sozialraum_Nord_has_five_German_users_besides_the_current_user_and_a_real_bot_guid()
    {
        var config = PlaygroundConfig.SozialraumNord;

        Assert.Equal(5, config.Users.Count);
        Assert.Equal(6, config.AllUsers.Select(u => u.Id).Distinct().Count());
        Assert.NotEqual(Guid.Empty, config.BotId);
        Assert.Equal("Sozialraum Nord", config.TeamName);
    }

    [Fact]
    public void A_config_with_other_than_five_users_is_rejected_before_the_Playground_starts()
    {
        var config = PlaygroundConfig.SozialraumNord with { Users = PlaygroundConfig.SozialraumNord.Users.Take(4).ToList() };

        Assert.Throws<InvalidOperationException>(config.ToYaml);
    }
}
