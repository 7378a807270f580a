using System.Globalization;
using System.Text;

namespace GbbTeamsBot.DevStack.Local;

/// <summary>A user the Agents Playground knows (the current user or one of exactly five others).</summary>
public sealed record PlaygroundUser(string Id, string GivenName, string Surname, string Email, Guid AadObjectId)
{
    public string Name => $"{GivenName} {Surname}";
}

/// <summary>The one extra channel a Playground team may have besides General.</summary>
public sealed record PlaygroundChannel(string Id, string Name);

/// <summary>
/// The Playground's mock Teams context (.m365agentsplayground.yml, schema 0.1.1): one personal chat, one group chat,
/// one team with General plus at most one channel, and exactly five users besides the current user.
/// Messages typed in the UI always come from <see cref="CurrentUser"/>; the others can act through custom activities.
/// </summary>
public sealed record PlaygroundConfig
{
    public const string FileName = ".m365agentsplayground.yml";

    public required Guid TenantId { get; init; }

    /// <summary>Must be a real GUID: the Teams manifest requires one, and the Playground's default is not.</summary>
    public required Guid BotId { get; init; }

    public required string BotName { get; init; }

    public required PlaygroundUser CurrentUser { get; init; }

    public required IReadOnlyList<PlaygroundUser> Users { get; init; }

    public required string PersonalChatId { get; init; }

    public required string GroupChatId { get; init; }

    public required string GroupChatName { get; init; }

    /// <summary>The team id is also the id of its General channel.</summary>
    public required string TeamId { get; init; }

    public required string TeamName { get; init; }

    public required Guid TeamAadGroupId { get; init; }

    public required PlaygroundChannel Channel { get; init; }

    public IEnumerable<PlaygroundUser> AllUsers => [CurrentUser, .. Users];

    /// <summary>The local default: team "Sozialraum Nord" of a job centre, German names, a German current user.</summary>
    public static PlaygroundConfig SozialraumNord { get; } = new()
    {
        TenantId = Guid.Parse("5f0c2a3e-7b1d-4e9a-8c6f-2d4b1a9e7c30"),
        BotId = Guid.Parse("3b8e6f1a-2c4d-4a7e-9f10-6d5c8b2a1e47"),
        BotName = "Beratungs-Bot",
        CurrentUser = User(0, "Katrin", "Vogel", "5a1d7c2e-0b3f-4e68-9a41-7c2e5b8d0f11"),
        Users =
        [
            User(1, "Jonas", "Becker", "5a1d7c2e-0b3f-4e68-9a41-7c2e5b8d0f12"),
            User(2, "Aylin", "Demir", "5a1d7c2e-0b3f-4e68-9a41-7c2e5b8d0f13"),
            User(3, "Markus", "Schneider", "5a1d7c2e-0b3f-4e68-9a41-7c2e5b8d0f14"),
            User(4, "Sabine", "Hoffmann", "5a1d7c2e-0b3f-4e68-9a41-7c2e5b8d0f15"),
            User(5, "Lukas", "Wagner", "5a1d7c2e-0b3f-4e68-9a41-7c2e5b8d0f16"),
        ],
        PersonalChatId = "a:1gbb-personal-katrin-vogel",
        GroupChatId = "19:fallteam-nord@thread.v2",
        GroupChatName = "Fallteam Nord",
        TeamId = "19:sozialraum-nord-general@thread.tacv2",
        TeamName = "Sozialraum Nord",
        TeamAadGroupId = Guid.Parse("8c2f4e6a-1b3d-4f5e-a7c9-0e2d4b6f8a13"),
        Channel = new PlaygroundChannel("19:fallberatung@thread.tacv2", "Fallberatung"),
    };

    /// <summary>Checks the limits of the Playground's schema, which it enforces only when it starts.</summary>
    public void Validate()
    {
        if (Users.Count != 5)
        {
            throw new InvalidOperationException($"The Playground needs exactly 5 users besides the current user, got {Users.Count}.");
        }

        if (BotName.Length > 42)
        {
            throw new InvalidOperationException("The Playground allows bot names of at most 42 characters.");
        }

        var ids = AllUsers.Select(u => u.Id).ToList();
        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
        {
            throw new InvalidOperationException("Playground user ids must be unique.");
        }
    }

    public string ToYaml()
    {
        Validate();
        var yaml = new StringBuilder();
        yaml.AppendLine("# yaml-language-server: $schema=https://aka.ms/teams-app-test-tool-config/0.1.1/config.schema.json");
        yaml.AppendLine("# Mock Teams context for the Microsoft 365 Agents Playground (local development and end-to-end tests).");
        yaml.AppendLine("# Generated from tools/GbbTeamsBot.DevStack/Local/PlaygroundConfig.cs; a test checks that both agree.");
        yaml.AppendLine("version: \"0.1.1\"");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"tenantId: {Quote(TenantId.ToString())}");
        yaml.AppendLine("bot:");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  id: {Quote(BotId.ToString())}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  name: {Quote(BotName)}");
        yaml.AppendLine("currentUser:");
        AppendUser(yaml, CurrentUser, "  ");
        yaml.AppendLine("users:");
        foreach (var user in Users)
        {
            AppendUser(yaml, user, "  - ", "    ");
        }

        yaml.AppendLine("personalChat:");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  id: {Quote(PersonalChatId)}");
        yaml.AppendLine("groupChat:");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  id: {Quote(GroupChatId)}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  name: {Quote(GroupChatName)}");
        yaml.AppendLine("team:");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  id: {Quote(TeamId)}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  name: {Quote(TeamName)}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  aadGroupId: {Quote(TeamAadGroupId.ToString())}");
        yaml.AppendLine("  channels:");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"    - id: {Quote(Channel.Id)}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"      name: {Quote(Channel.Name)}");
        return yaml.ToString().ReplaceLineEndings("\n");
    }

    public string WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        File.WriteAllText(path, ToYaml(), new UTF8Encoding(false));
        return path;
    }

    private static PlaygroundUser User(int number, string givenName, string surname, string aadObjectId) =>
        new($"29:gbb-user-{number}", givenName, surname,
            $"{givenName.ToLowerInvariant()}.{surname.ToLowerInvariant()}@jobcenter-nord.example", Guid.Parse(aadObjectId));

    private static void AppendUser(StringBuilder yaml, PlaygroundUser user, string firstIndent, string? indent = null)
    {
        indent ??= firstIndent;
        yaml.AppendLine(CultureInfo.InvariantCulture, $"{firstIndent}id: {Quote(user.Id)}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"{indent}name: {Quote(user.Name)}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"{indent}userPrincipleName: {Quote(user.Email)}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"{indent}aadObjectId: {Quote(user.AadObjectId.ToString())}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"{indent}givenName: {Quote(user.GivenName)}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"{indent}surname: {Quote(user.Surname)}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"{indent}email: {Quote(user.Email)}");
    }

    /// <summary>A YAML double-quoted scalar, so ids with ':' or '@' stay plain strings.</summary>
    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
