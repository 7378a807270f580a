namespace GbbTeamsBot.Cards.ViewModels;

/// <summary>What became of an agreement, as cards name it (see the Progress_* texts).</summary>
public enum AgreementProgress
{
    Open,
    Done,
    PartlyDone,
    NotDone,
    Dropped,
    CarriedOver,
}
