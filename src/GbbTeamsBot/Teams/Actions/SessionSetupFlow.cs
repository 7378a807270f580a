using GbbTeamsBot.Application;
using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.BotFramework.Schema;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Cards.ViewModels;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Privacy;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Teams.Mapping;
using GbbTeamsBot.Teams.Notifications;

namespace GbbTeamsBot.Teams.Actions;

/// <summary>
/// From a command to a running session: post the setup card (method, pseudonym, roles from the conversation's
/// members, duration), then on submit create the session, turn the setup card into the shared live card (PUT) and
/// start it when the moderator submitted it with "start now".
/// </summary>
public sealed partial class SessionSetupFlow(
    SessionService sessions,
    ConversationMembers members,
    SharedCardUpdater sharedCards,
    ConversationPreferences preferences,
    TimeProvider time,
    ILogger<SessionSetupFlow> logger)
{
    /// <summary>Methods the setup card offers (the team meeting is prepared from an agenda instead).</summary>
    public static readonly IReadOnlyList<MethodKind> SetupMethods =
    [
        MethodKind.KollegialeBeratung,
        MethodKind.Helferkonferenz,
        MethodKind.SozialraumRunde,
        MethodKind.Sozialraumvorhaben,
        MethodKind.PartizipativeKollegialeBeratung,
    ];

    /// <summary>Replies with a setup card for <paramref name="method"/>; its draft id becomes the session's id on submit.</summary>
    public async Task PostSetupCardAsync(TurnContext turn, MethodKind method, string? pseudonym, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var who = ConversationContext.From(turn);
        var roster = await members.GetAsync(turn, cancellationToken);
        var view = SetupView(method, roster, who.UserId) with { CasePseudonym = pseudonym };
        preferences.RememberSessionLanguage(view.Draft.SessionId, who.Language);
        var card = SetupCard.Build(view, who.Cards(time.GetUtcNow()));
        await turn.ReplyAsync(Activity.CreateCard(card.ToJson(), card.FallbackText), cancellationToken);
    }

    private static SetupView SetupView(MethodKind method, IReadOnlyList<MemberView> roster, string userId)
    {
        var definition = MethodCatalog.Default.TryGet(CardVocabulary.MethodId(method), out var found) ? found : null;
        return new SetupView(new SessionRef(Guid.NewGuid().ToString("N"), 0), roster)
        {
            Method = method,
            ModeratorId = userId,
            Methods = SetupMethods,
            MinMinutes = (int)(definition?.Budget.MinTotal.TotalMinutes ?? 10),
            MaxMinutes = (int)(definition?.Budget.MaxTotal.TotalMinutes ?? 180),
            PlannedMinutes = (int?)definition?.DefaultTotal.TotalMinutes,
        };
    }

    /// <summary>The setup card was submitted: validate, create (all or nothing), show the live card, start.</summary>
    public async Task<AdaptiveCard> SubmitAsync(TurnContext turn, ConversationContext who, SessionAddress address, CardData data, CancellationToken cancellationToken)
    {
        var context = who.Cards(time.GetUtcNow());
        var existing = await sessions.GetAsync(address, cancellationToken);
        if (existing is not null)
        {
            // A repeated submit (double click, or a second person): the session exists, show it as it is.
            return SessionScreens.Render(existing, null, who.UserId, context, new MessageView(MessageCode.DuplicateRequest));
        }

        var roster = await members.GetAsync(turn, cancellationToken);
        var method = data.Enum<MethodKind>(CardDataKeys.Method);
        var view = SetupView(method ?? MethodKind.KollegialeBeratung, roster, who.UserId) with
        {
            Draft = new SessionRef(address.SessionId, 0),
            CasePseudonym = data.Text(CardDataKeys.CasePseudonym),
            ModeratorId = data.Text(CardDataKeys.ModeratorId),
            ProtocolId = data.Text(CardDataKeys.ProtocolId),
            PresenterId = data.Text(CardDataKeys.PresenterId),
            AdviserIds = data.List(CardDataKeys.AdviserIds),
            PlannedMinutes = data.Int(CardDataKeys.PlannedMinutes),
        };

        var errors = new List<MessageView>();
        if (method is null || !SetupMethods.Contains(method.Value) || !MethodCatalog.Default.TryGet(CardVocabulary.MethodId(method.Value), out var definition))
        {
            return SetupCard.Build(view with { Errors = [new MessageView(MessageCode.InvalidInput)] }, context);
        }

        var t = CardTexts.For(who.Language);
        string? caseReference = null;
        if (view.CasePseudonym is null)
        {
            if (definition.RequiresCaseReference)
            {
                errors.Add(new MessageView(MessageCode.PseudonymRequired));
            }
        }
        else if (CaseReference.Parse(view.CasePseudonym) is { IsSuccess: true } parsed)
        {
            caseReference = parsed.Value!.Value;
        }
        else
        {
            errors.Add(new MessageView(MessageCode.PseudonymLooksPersonal));
        }

        var names = roster.ToDictionary(m => m.UserId, m => m.DisplayName, StringComparer.Ordinal);
        var chosen = new List<(string Id, ParticipantRole Role)>();
        void Pick(string? id, ParticipantRole role)
        {
            if (id is not null)
            {
                chosen.Add((id, role));
            }
        }

        Pick(view.ModeratorId, ParticipantRole.Moderator);
        Pick(view.ProtocolId, ParticipantRole.ProtocolKeeper);
        Pick(view.PresenterId, ParticipantRole.CasePresenter);
        foreach (var adviser in view.AdviserIds)
        {
            Pick(adviser, ParticipantRole.Adviser);
        }

        if (view.ModeratorId is null)
        {
            errors.Add(new MessageView(MessageCode.RoleMissing, t["Role_Moderation"]));
        }

        if (chosen.Any(c => !names.ContainsKey(c.Id)))
        {
            errors.Add(new MessageView(MessageCode.InvalidInput));
        }

        foreach (var twice in chosen.GroupBy(c => c.Id).Where(g => g.Count() > 1))
        {
            var roles = twice.Select(c => t["Role_" + CardVocabulary.Role(c.Role)]).Distinct().Take(2).ToArray();
            errors.Add(roles.Length == 2 ? new MessageView(MessageCode.RoleTakenTwice, roles[0], roles[1]) : new MessageView(MessageCode.InvalidInput));
        }

        foreach (var rule in definition.Roles.Where(r => r.MinToStart > 0 && r.Role != ParticipantRole.Moderator))
        {
            if (chosen.Count(c => c.Role == rule.Role) < rule.MinToStart)
            {
                errors.Add(new MessageView(MessageCode.RoleMissing, t["Role_" + CardVocabulary.Role(rule.Role)]));
            }
        }

        var minutes = view.PlannedMinutes ?? (int)definition.DefaultTotal.TotalMinutes;
        if (minutes < definition.Budget.MinTotal.TotalMinutes || minutes > definition.Budget.MaxTotal.TotalMinutes)
        {
            errors.Add(new MessageView(MessageCode.DurationOutOfRange, ((int)definition.Budget.MinTotal.TotalMinutes).ToString(t.Culture), ((int)definition.Budget.MaxTotal.TotalMinutes).ToString(t.Culture)));
        }

        if (errors.Count > 0)
        {
            LogSetupInvalid(errors.Count);
            return SetupCard.Build(view with { Errors = errors }, context);
        }

        var moderatorId = view.ModeratorId!;
        var request = new CreateSessionRequest(address.TenantId, address.TeamId, who.ConversationId, moderatorId, names[moderatorId], definition.Id)
        {
            SessionId = address.SessionId,
            CaseReference = caseReference,
            PhasePlan = Plan(definition, TimeSpan.FromMinutes(minutes)),
            Participants = chosen
                .Where(c => c.Role != ParticipantRole.Moderator)
                .Select(c => new InitialParticipant(c.Id, names[c.Id], c.Role == ParticipantRole.Adviser ? null : c.Role))
                .ToList(),
        };
        var created = await sessions.CreateAsync(request, cancellationToken);
        if (created.Session is not { } session)
        {
            var code = created.Rejection?.Code switch
            {
                RejectionCode.InvalidCaseReference => MessageCode.PseudonymLooksPersonal,
                RejectionCode.TotalOutOfRange or RejectionCode.InvalidPlan => MessageCode.DurationOutOfRange,
                _ => MessageCode.InvalidInput,
            };
            var args = code == MessageCode.DurationOutOfRange
                ? new[] { ((int)definition.Budget.MinTotal.TotalMinutes).ToString(t.Culture), ((int)definition.Budget.MaxTotal.TotalMinutes).ToString(t.Culture) }
                : [];
            return SetupCard.Build(view with { Errors = [new MessageView(code, args)] }, context);
        }

        LogCreated(session.Address.SessionId, definition.Id);
        if (!preferences.KnowsSession(session.Address.SessionId))
        {
            // The setup card came from before a restart: the submitter's language decides.
            preferences.RememberSessionLanguage(session.Address.SessionId, who.Language);
        }

        // The setup card becomes the shared live card: everyone sees the session where it was set up.
        var cardActivityId = turn.Activity.ReplyToId;
        if (!string.IsNullOrEmpty(cardActivityId))
        {
            await sessions.SetLiveCardAsync(session.Address, new LiveCardLocation(who.ConversationId, cardActivityId), cancellationToken);
        }
        else
        {
            var posted = await turn.SendAsync(Activity.CreateCard(SessionScreens.Render(session, null, null, context).ToJson()), cancellationToken);
            if (posted?.Id is { Length: > 0 } postedId)
            {
                await sessions.SetLiveCardAsync(session.Address, new LiveCardLocation(who.ConversationId, postedId), cancellationToken);
            }
        }

        session = await sessions.GetAsync(session.Address, cancellationToken) ?? session;
        var startNow = data.Bool(CardDataKeys.StartNow) != false;
        if (startNow && moderatorId == who.UserId && !(definition.RequiresConsent && session.State.Consent is null))
        {
            var requestId = data.RequestKey(who.UserId) is { } id ? id + ":start" : null;
            var started = await sessions.ExecuteAsync(session.Address, new StartSession(moderatorId), session.Version, requestId, cancellationToken);
            if (started.Session is { } running)
            {
                var notice = started.IsAccepted ? new MessageView(MessageCode.SessionStarted) : null;
                return started.IsAccepted || started.Rejection is null
                    ? SessionScreens.Render(running, null, who.UserId, context, notice)
                    : SessionScreens.Refusal(started.Rejection.Message, started.Rejection, running.Address.SessionId, running.Version, null, context);
            }
        }

        // Not started (consent first, or someone else moderates): show the prepared session to everyone.
        await sharedCards.UpdateAsync(session, cancellationToken);
        return SessionScreens.Render(session, null, who.UserId, context);
    }

    /// <summary>The method's default phase lengths scaled to the planned total, whole minutes, at least one each, summing exactly.</summary>
    public static IReadOnlyList<TimeSpan> Plan(MethodDefinition method, TimeSpan total)
    {
        ArgumentNullException.ThrowIfNull(method);
        var totalMinutes = (int)total.TotalMinutes;
        var defaults = method.Phases.Select(p => p.DefaultDuration.TotalMinutes).ToArray();
        var sum = defaults.Sum();
        var minutes = defaults.Select(d => Math.Max(1, (int)Math.Floor(d * totalMinutes / sum))).ToArray();
        var rest = totalMinutes - minutes.Sum();
        for (var i = 0; rest != 0 && i < 10_000; i++)
        {
            var index = i % minutes.Length;
            if (rest > 0)
            {
                minutes[index]++;
                rest--;
            }
            else if (minutes[index] > 1)
            {
                minutes[index]--;
                rest++;
            }
        }

        return minutes.Select(m => TimeSpan.FromMinutes(m)).ToList();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Setup card submitted with {ErrorCount} problems; shown again")]
    private partial void LogSetupInvalid(int errorCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} created from the setup card ({MethodId})")]
    private partial void LogCreated(string sessionId, string methodId);
}
