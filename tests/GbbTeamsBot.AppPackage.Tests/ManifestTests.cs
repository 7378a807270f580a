using System.Text.Json.Nodes;
using GbbTeamsBot.Cards;

namespace GbbTeamsBot.AppPackage.Tests;

public sealed class ManifestTests
{
    private static readonly BotCommand[] GroupCommands = Enum.GetValues<BotCommand>().Where(c => !BotCommandTexts.NotInManifest.Contains(c)).ToArray();
    private static readonly BotCommand[] PersonalCommands = [BotCommand.Help, BotCommand.Vereinbarungen, BotCommand.Protokolle];

    private static string InManifest(string file) => Path.Combine(ManifestValidator.ManifestFolder, file);

    private static JsonObject Load(string file) => JsonNode.Parse(File.ReadAllText(InManifest(file)))!.AsObject();

    [Fact]
    public void Committed_manifest_and_localization_files_validate_against_the_official_schema()
    {
        var results = ManifestValidator.Validate(InManifest("manifest.json"), InManifest("de.json"), InManifest("en.json"));

        Assert.Equal(["manifest", "localization", "localization"], results.Select(r => r.Schema));
        Assert.All(results, r => Assert.True(r.Errors.Count == 0, $"{r.File}:\n{string.Join("\n", r.Errors)}"));
    }

    [Fact]
    public void Schema_validation_reports_a_broken_manifest()
    {
        var broken = Load("manifest.json");
        broken.Remove("description");
        broken["accentColor"] = "blue";
        broken["bots"]![0]!["scopes"] = new JsonArray("team", "meeting");
        var file = Path.Combine(Path.GetTempPath(), $"gbb-broken-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, broken.ToJsonString());
        try
        {
            var errors = ManifestValidator.Validate(file).Single().Errors;

            Assert.Contains(errors, e => e.Contains("'description'", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.StartsWith("/accentColor", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.StartsWith("/bots/0/scopes/1", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Bot_is_available_in_team_group_chat_and_personal_scope()
    {
        var scopes = Load("manifest.json")["bots"]![0]!["scopes"]!.AsArray().Select(s => (string)s!).ToList();

        Assert.Equal(new List<string> { "team", "groupChat", "personal" }, scopes);
    }

    [Fact]
    public void Meeting_events_and_member_lists_have_their_RSC_permissions_and_web_application_info()
    {
        var manifest = Load("manifest.json");
        var permissions = manifest["authorization"]!["permissions"]!["resourceSpecific"]!.AsArray()
            .Select(p => ((string?)p!["name"], (string?)p["type"]))
            .ToArray();

        foreach (var name in new[]
        {
            "OnlineMeeting.ReadBasic.Chat", "OnlineMeetingParticipant.Read.Chat", "OnlineMeetingNotification.Send.Chat",
            "ChannelMeeting.ReadBasic.Group", "ChannelMeetingParticipant.Read.Group", "TeamMember.Read.Group", "ChatMember.Read.Chat",
        })
        {
            Assert.Contains((name, "Application"), permissions);
        }

        Assert.NotNull((string?)manifest["webApplicationInfo"]?["id"]);
    }

    [Theory]
    [InlineData("manifest.json", UiLanguage.German)]
    [InlineData("de.json", UiLanguage.German)]
    [InlineData("en.json", UiLanguage.English)]
    public void Command_titles_are_the_words_the_bot_understands(string file, UiLanguage language)
    {
        var titles = CommandTitles(Load(file));

        Assert.Equal(GroupCommands.Select(c => c.Word(language)), titles[0]);
        Assert.Equal(PersonalCommands.Select(c => c.Word(language)), titles[1]);
    }

    [Fact]
    public void Localization_files_translate_the_same_strings_and_German_matches_the_manifest()
    {
        var manifest = Load("manifest.json");
        var german = Load("de.json");
        var english = Load("en.json");

        Assert.Equal(german.Select(p => p.Key).Order(), english.Select(p => p.Key).Order());
        Assert.Equal((string?)manifest["name"]!["short"], (string?)german["name.short"]);
        Assert.Equal((string?)manifest["description"]!["full"], (string?)german["description.full"]);
        Assert.NotEqual((string?)german["description.short"], (string?)english["description.short"]);
        Assert.Equal("de.json", (string?)manifest["localizationInfo"]!["defaultLanguageFile"]);
    }

    /// <summary>Command titles per list, from the manifest itself or from a localization file's flat keys.</summary>
    private static List<List<string>> CommandTitles(JsonObject json)
    {
        if (json["bots"] is JsonArray bots)
        {
            return bots[0]!["commandLists"]!.AsArray()
                .Select(l => l!["commands"]!.AsArray().Select(c => (string)c!["title"]!).ToList())
                .ToList();
        }

        var lists = new List<List<string>>();
        for (var list = 0; json.ContainsKey($"bots[0].commandLists[{list}].commands[0].title"); list++)
        {
            var titles = new List<string>();
            for (var command = 0; json[$"bots[0].commandLists[{list}].commands[{command}].title"] is { } title; command++)
            {
                titles.Add((string)title!);
            }

            lists.Add(titles);
        }

        return lists;
    }
}
