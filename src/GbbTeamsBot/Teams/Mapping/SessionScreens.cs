using System.Text.Json.Nodes;
using GbbTeamsBot.Application;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Cards.ViewModels;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Teams.Resources;

namespace GbbTeamsBot.Teams.Mapping;

/// <summary>Picks the screen for a session and a requested view, renders it, and builds the outcome cards.</summary>
public static class SessionScreens
{
    /// <summary>
    /// The card for <paramref name="viewerId"/> (null: the shared card). <paramref name="view"/> is one of
    /// <see cref="CardViews"/>; the session's state can override it (a finished session shows its protocol).
    /// </summary>
    public static AdaptiveCard Render(SessionView session, string? view, string? viewerId, CardContext context, MessageView? notice = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(context);
        context = For(session, context);
        var now = context.Now;
        var state = session.State;
        if (state.Status == SessionStatus.Cancelled)
        {
            return ActionResultCard.Build(new MessageView(MessageCode.SessionAlreadyFinished), context);
        }

        var requested = view ?? CardViews.Live;
        if (viewerId is not null && Participation.ParticipationScreens.ForExternalViewer(session, requested, viewerId, context, notice) is { } external)
        {
            // Guests, other agencies and people who have not joined see what concerns them, whatever view they ask for.
            return external;
        }

        switch (requested)
        {
            case CardViews.ResourceMap:
                return ResourceMapCard.Build(SessionViewMapper.ResourceMap(session), context);
            case CardViews.Ampeltorte:
                return AmpeltorteCard.Build(SessionViewMapper.Ampeltorte(session), context);
            case CardViews.Ideas:
                return IdeasCard.Build(SessionViewMapper.Ideas(session, viewerId), context);
            case CardViews.Agreements:
                return AgreementsEditorCard.Build(SessionViewMapper.AgreementsEditor(session, viewerId, notice), context);
            case CardViews.Protocol:
                return ProtocolCard.Build(SessionViewMapper.Protocol(session, viewerId, context.Language, now), context);
            case CardViews.HelperRound when state.Status is SessionStatus.Running or SessionStatus.Paused:
                return HelperConferenceCards.BuildAgencyRound(SessionViewMapper.HelperRound(session, viewerId), context);
        }

        if (state.Status == SessionStatus.Completed)
        {
            return ProtocolCard.Build(SessionViewMapper.Protocol(session, viewerId, context.Language, now), context);
        }

        if (session.Method.RequiresConsent && (requested == CardViews.Consent || (state.Status == SessionStatus.Prepared && state.Consent is null)))
        {
            return HelperConferenceCards.BuildConsent(SessionViewMapper.Consent(session, viewerId, now), context);
        }

        if (session.Method.Id == MethodIds.Teamsitzung)
        {
            // The agenda is the moderator's tool: the shared card shows the controls too (in a chat without card refresh the
            // moderator has no other way to them); anyone else pressing them gets a clear refusal.
            var agenda = SessionViewMapper.Agenda(session, viewerId, now);
            return AgendaCard.Build(viewerId is null ? agenda with { ViewerIsModerator = true } : agenda, context);
        }

        if (session.Method.Id == MethodIds.SozialraumRunde && state.Status is SessionStatus.Running or SessionStatus.Paused)
        {
            var neighbourhood = string.IsNullOrWhiteSpace(state.CaseReference) ? context.Texts()["Method_SozialraumRunde"] : state.CaseReference;
            return SozialraumRundeCard.Build(SessionViewMapper.Round(session, viewerId, neighbourhood, now), context);
        }

        return LiveSessionCard.Build(SessionViewMapper.Live(session, viewerId, context.Language, now, notice), context);
    }

    /// <summary>
    /// The context of a session's cards: the session's own language and time zone (fixed at setup from the team's
    /// settings), whoever looks and whatever their client sends.
    /// </summary>
    public static CardContext For(SessionView session, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(context);
        return context with
        {
            Language = session.State.Language == Language.English ? UiLanguage.English : UiLanguage.German,
            TimeZoneId = session.State.TimeZoneId,
        };
    }

    /// <summary>
    /// The answer to a refused or failed action: the reason in the user's language, that nothing changed, and the way
    /// back to the current view. A privacy warning also offers "trotzdem speichern", which repeats the same action
    /// with the confirmation flag and a fresh request id.
    /// </summary>
    public static AdaptiveCard Refusal(Bilingual message, Rejection? rejection, string sessionId, int currentVersion, JsonObject? retryData, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        var texts = TeamsTexts.For(context.Language);
        var language = SessionViewMapper.Lang(context.Language);
        var isPrivacy = rejection?.Code == RejectionCode.PrivacyWarning && retryData is not null;
        var items = new List<CardElement>
        {
            new TextBlock("⚠ " + (isPrivacy ? texts["Privacy_Title"] : texts["Outcome_Title"])) { Weight = TextWeight.Bolder, Color = TextColor.Attention, Size = TextSize.Medium },
            new TextBlock(isPrivacy ? texts["Privacy_Intro"] : message.In(language)) { Spacing = Spacing.Small },
        };
        foreach (var finding in rejection?.Findings ?? [])
        {
            items.Add(new TextBlock("• " + finding.Hint.In(language)) { Spacing = Spacing.None });
        }

        items.Add(new TextBlock(isPrivacy ? texts["Privacy_Rephrase"] : texts["Outcome_NothingChanged"]) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.Small });

        // What the person typed stays on the card (as inputs), so a warning or refusal never costs them their text.
        var typed = TypedTexts(retryData);
        if (typed.Count > 0 && !isPrivacy)
        {
            items.Add(new TextBlock(texts["Outcome_YourText"]) { Size = TextSize.Small, Spacing = Spacing.Small });
        }

        foreach (var (key, value) in typed)
        {
            items.Add(new GbbTeamsBot.Cards.TextInput(key, texts["Outcome_Field_" + key])
            {
                Value = value,
                IsMultiline = value.Length > 60,
                Spacing = Spacing.Small,
            });
        }

        var actions = new List<GbbTeamsBot.Cards.CardAction>();
        if (isPrivacy)
        {
            var verb = retryData![CardDataKeys.Verb]?.GetValue<string>() ?? CardVerbs.ContributionAdd;
            var edited = (JsonObject)retryData.DeepClone();
            edited[CardDataKeys.RequestId] = context.NewRequestId();
            actions.Add(Execute(texts["Privacy_SaveEdited"], verb, edited, ActionStyle.Positive, withInputs: true));
            var data = (JsonObject)retryData.DeepClone();
            data[CardDataKeys.RequestId] = context.NewRequestId();
            data[TeamsCardData.Confirmed] = "true";
            actions.Add(Execute(texts["Privacy_Confirm"], verb, data, withInputs: true));
        }

        actions.Add(Execute(texts["Outcome_CurrentView"], CardVerbs.ViewShow, new JsonObject
        {
            [CardDataKeys.Verb] = CardVerbs.ViewShow,
            [CardDataKeys.RequestId] = context.NewRequestId(),
            [CardDataKeys.SessionId] = sessionId,
            [CardDataKeys.ExpectedVersion] = currentVersion,
            [CardDataKeys.View] = CardViews.Live,
        }));

        return new AdaptiveCard
        {
            Body = [new Container(items) { Style = ContainerStyle.Attention, Bleed = true }],
            Actions = actions,
            FallbackText = message.In(language),
        };
    }

    /// <summary>A short message card without session (e.g. "this session does not exist here").</summary>
    public static AdaptiveCard Message(string text, bool isError) => new()
    {
        Body =
        [
            new Container([new TextBlock((isError ? "⚠ " : "✓ ") + text) { Weight = TextWeight.Bolder, Color = isError ? TextColor.Attention : TextColor.Good }])
            {
                Style = isError ? ContainerStyle.Attention : ContainerStyle.Good,
                Bleed = true,
            },
        ],
        FallbackText = text,
    };

    private static ExecuteAction Execute(string title, string verb, JsonObject data, ActionStyle style = ActionStyle.Default, bool withInputs = false) =>
        new(title, verb, data)
        {
            Style = style,
            AssociatedInputs = withInputs ? AssociatedInputs.Auto : AssociatedInputs.None,
            Fallback = new SubmitAction(title, data) { Style = style, AssociatedInputs = withInputs ? AssociatedInputs.Auto : AssociatedInputs.None },
        };

    /// <summary>The free texts of a refused action (entry text, agreement what/who), in card order.</summary>
    private static List<(string Key, string Value)> TypedTexts(JsonObject? data)
    {
        var list = new List<(string, string)>();
        foreach (var key in new[] { CardDataKeys.Text, CardDataKeys.What, CardDataKeys.Who })
        {
            if (data?[key] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text))
            {
                list.Add((key, text));
            }
        }

        return list;
    }

    private static CardTexts Texts(this CardContext context) => CardTexts.For(context.Language);
}

/// <summary>Data keys the Teams layer adds to card actions besides <see cref="CardDataKeys"/>.</summary>
public static class TeamsCardData
{
    /// <summary>"true": the user confirmed to keep a text despite privacy warnings.</summary>
    public const string Confirmed = "confirmedDespiteWarnings";
}
