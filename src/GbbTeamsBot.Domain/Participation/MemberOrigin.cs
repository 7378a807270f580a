using GbbTeamsBot.Domain.Methods;

namespace GbbTeamsBot.Domain.Participation;

/// <summary>Where a person in the conversation comes from, as Teams' roster says (userRole, tenantId).</summary>
public enum MemberOrigin
{
    /// <summary>A member of the own organisation (Teams userRole "user", same tenant).</summary>
    Staff,

    /// <summary>A guest in the team or chat (userRole "guest"), or an anonymous meeting participant ("anonymous").</summary>
    Guest,

    /// <summary>Someone whose account belongs to another tenant (external access, cross-tenant shared channel).</summary>
    OtherTenant,

    /// <summary>Teams could not tell (the member API failed or does not know the person): treated as external.</summary>
    Unknown,
}

/// <summary>
/// Who may hold which role. Staff roles (Moderation, Protokoll, Falleinbringende Fachkraft, Beratende) are for
/// colleagues of the own organisation only; guests and people from other agencies hold the external roles
/// (Fachkraft einer beteiligten Stelle, Person, Umfeld, Gast). When Teams cannot tell, the person is treated as
/// external: a colleague then gets less than they could have, never a stranger more.
/// </summary>
public static class ParticipantRoles
{
    public static IReadOnlySet<ParticipantRole> StaffRoles { get; } = new HashSet<ParticipantRole>
    {
        ParticipantRole.Moderator,
        ParticipantRole.ProtocolKeeper,
        ParticipantRole.CasePresenter,
        ParticipantRole.Adviser,
    };

    public static IReadOnlySet<ParticipantRole> ExternalRoles { get; } = new HashSet<ParticipantRole>
    {
        ParticipantRole.ExternalProfessional,
        ParticipantRole.PersonConcerned,
        ParticipantRole.LifeworldSupporter,
        ParticipantRole.Guest,
    };

    /// <summary>Roles whose holders speak for the person or their lifeworld: their texts use plain language.</summary>
    public static IReadOnlySet<ParticipantRole> PlainLanguageRoles { get; } = new HashSet<ParticipantRole>
    {
        ParticipantRole.PersonConcerned,
        ParticipantRole.LifeworldSupporter,
    };

    public static bool IsStaffRole(ParticipantRole role) => StaffRoles.Contains(role);

    /// <summary>Whether someone of this origin may hold this role.</summary>
    public static bool MayHold(bool isExternal, ParticipantRole role) => !isExternal || !IsStaffRole(role);

    /// <summary>
    /// The origin from Teams' member record. "guest" and "anonymous" are guests; a tenant other than the
    /// conversation's is another organisation; a missing record is unknown.
    /// </summary>
    public static MemberOrigin Classify(string? userRole, string? memberTenantId, string? conversationTenantId, bool found = true)
    {
        if (!found)
        {
            return MemberOrigin.Unknown;
        }

        if (string.Equals(userRole, "guest", StringComparison.OrdinalIgnoreCase) || string.Equals(userRole, "anonymous", StringComparison.OrdinalIgnoreCase))
        {
            return MemberOrigin.Guest;
        }

        if (!string.IsNullOrEmpty(memberTenantId) && !string.IsNullOrEmpty(conversationTenantId)
            && !string.Equals(memberTenantId, conversationTenantId, StringComparison.OrdinalIgnoreCase))
        {
            return MemberOrigin.OtherTenant;
        }

        return MemberOrigin.Staff;
    }

    public static bool IsExternal(MemberOrigin origin) => origin != MemberOrigin.Staff;
}
