using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards.Screens;

/// <summary>Localised names of the card vocabularies (resource keys "{Enum}_{Value}").</summary>
internal static class Names
{
    public static string Name(this CardTexts t, MethodKind value) => t[$"Method_{value}"];

    public static string Name(this CardTexts t, RoleKind value) => t[$"Role_{value}"];

    public static string Name(this CardTexts t, PhaseKind value) => t[$"Phase_{value}"];

    public static string Guidance(this CardTexts t, PhaseKind value) => t[$"PhaseGuidance_{value}"];

    public static string Name(this CardTexts t, ResourceArea value) => t[$"Area_{value}"];

    public static string Name(this CardTexts t, IdeaLevel value) => t[$"Level_{value}"];

    public static string Name(this CardTexts t, LifeDomain value) => t[$"Domain_{value}"];

    public static string Name(this CardTexts t, TrafficLight value) => t[$"Light_{value}"];

    public static string Name(this CardTexts t, RoundCategory value) => t[$"Category_{value}"];

    public static string Name(this CardTexts t, ResponsibleParty value) => t[$"Party_{value}"];

    public static string Name(this CardTexts t, AgendaItemKind value) => t[$"AgendaKind_{value}"];

    public static string Title(this CardTexts t, PhaseView phase) =>
        phase.CustomTitle is { Length: > 0 } title ? title : t.Name(phase.Kind);

    public static string Text(this CardTexts t, MessageView message) =>
        message.Args.Length == 0 ? t[$"Message_{message.Code}"] : t.Format($"Message_{message.Code}", message.Args);

    public static IReadOnlyList<Choice> Choices<TEnum>(this CardTexts t, Func<CardTexts, TEnum, string> name)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => new Choice(name(t, v), v.ToString())).ToArray();
}
