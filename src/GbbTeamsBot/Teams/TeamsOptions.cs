namespace GbbTeamsBot.Teams;

/// <summary>Configuration section "Teams": in-meeting notifications and the member list cache.</summary>
public sealed class TeamsOptions
{
    public const string SectionName = "Teams";

    /// <summary>
    /// Teams:PublicBaseUrl, the bot's public https address (its host must be in the manifest's validDomains). Targeted
    /// in-meeting notifications open {PublicBaseUrl}/teams/notice; without it they are not sent (the @mention message is).
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Teams:MembersCacheDuration, how long a conversation's member list is reused for setup cards.</summary>
    public TimeSpan MembersCacheDuration { get; set; } = TimeSpan.FromMinutes(5);
}
