using System.Text.RegularExpressions;
using GbbTeamsBot.DevStack.Local;
using GbbTeamsBot.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GbbTeamsBot.EndToEnd.Tests.Browser;

/// <summary>
/// Page object for the Agents Playground UI: choose a chat, type and send (with an @mention of the bot where Teams
/// needs one), wait for Adaptive Cards, use their buttons and inputs, act as other users, take screenshots.
/// Selectors are the ones verified against Playground 0.2.28 in Chromium.
/// </summary>
public sealed class PlaygroundPage
{
    public static readonly TimeSpan CardTimeout = TimeSpan.FromSeconds(20);
    private const string SeenAttribute = "data-e2e-seen";
    private const string PinAttribute = "data-e2e-card";
    private int _pinned;

    public PlaygroundPage(IPage page, PlaygroundConfig config, PlaygroundApi api)
    {
        Page = page;
        Config = config;
        Api = api;
    }

    public IPage Page { get; }

    public PlaygroundConfig Config { get; }

    public PlaygroundApi Api { get; }

    public PlaygroundChat? CurrentChat { get; private set; }

    /// <summary>The chat list entry of a chat (tree item), e.g. "Sozialraum Nord - Fallberatung".</summary>
    public ILocator ChatListItem(PlaygroundChat chat) => Page.GetByRole(AriaRole.Treeitem, new() { NameRegex = ChatNamePattern(chat) });

    public async Task WaitUntilLoadedAsync() => await Expect(ChatListItem(PlaygroundChat.Personal)).ToBeVisibleAsync();

    public async Task SelectChatAsync(PlaygroundChat chat)
    {
        await ChatListItem(chat).ClickAsync();
        CurrentChat = chat;
        await Expect(Composer).ToBeVisibleAsync();
    }

    /// <summary>
    /// The Playground sends every activity typed in its UI with locale "en-US" (hard-coded in 0.2.28, no setting);
    /// custom activities carry whatever locale the test gives them.
    /// </summary>
    public const string UiLocale = "en-US";

    private bool InChannel => CurrentChat is PlaygroundChat.TeamGeneral or PlaygroundChat.TeamChannel;

    /// <summary>In a channel: the "Start a new post" box at the top (each thread below has its own reply box).</summary>
    public ILocator NewPostBox => Page.GetByRole(AriaRole.Group).Filter(new() { Has = PostButton }).First;

    // The placeholder text "Start a new post" disappears while typing, the Post button stays.
    private ILocator PostButton => Page.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true });

    /// <summary>The message box: the chat's "Type a message..." box, or in a channel the new-post box.</summary>
    public ILocator Composer => InChannel ? NewPostBox.GetByRole(AriaRole.Textbox) : Page.GetByRole(AriaRole.Textbox).Last;

    /// <summary>"Send Message" in chats, "Post" for a new channel post.</summary>
    public ILocator SendButton => InChannel
        ? NewPostBox.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true })
        : Page.GetByRole(AriaRole.Button, new() { Name = "Send Message", Exact = true }).Last;

    /// <summary>A channel thread (the post and its replies) that contains the text.</summary>
    public ILocator Thread(string containingText) =>
        Page.GetByRole(AriaRole.Group).Filter(new() { HasText = containingText }).Filter(new() { HasNot = PostButton }).Last;

    /// <summary>Types and sends a message as the current user. In the personal chat the bot receives every message.</summary>
    public async Task SendMessageAsync(string text)
    {
        await MarkCardsAsSeenAsync();
        await TypeAsync(Composer, text, mentionBot: false);
        await SendButton.ClickAsync();
    }

    /// <summary>
    /// Sends "@Bot text" with a real mention picked from the typeahead; group chats and channels forward a message
    /// to the bot only when it is mentioned. In a channel this starts a new post.
    /// </summary>
    public async Task SendMessageMentioningBotAsync(string text)
    {
        await MarkCardsAsSeenAsync();
        await TypeAsync(Composer, text, mentionBot: true);
        await SendButton.ClickAsync();
    }

    /// <summary>Replies in a channel thread (found by text it contains), mentioning the bot by default.</summary>
    public async Task ReplyInThreadAsync(ILocator thread, string text, bool mentionBot = true)
    {
        ArgumentNullException.ThrowIfNull(thread);
        await MarkCardsAsSeenAsync();
        await TypeAsync(thread.GetByRole(AriaRole.Textbox), text, mentionBot);
        await thread.GetByRole(AriaRole.Button, new() { Name = "Send Message", Exact = true }).ClickAsync();
    }

    private async Task TypeAsync(ILocator box, string text, bool mentionBot)
    {
        await box.ClickAsync();
        await Expect(box).ToBeFocusedAsync();
        if (mentionBot)
        {
            await Page.Keyboard.TypeAsync("@" + Config.BotName[..Math.Min(4, Config.BotName.Length)]);
            await Page.GetByRole(AriaRole.Listbox, new() { Name = "Typeahead menu" })
                .GetByRole(AriaRole.Menuitem, new() { NameRegex = new Regex(Regex.Escape(Config.BotName)) })
                .ClickAsync();
            await Expect(box).ToContainTextAsync(Config.BotName);
            text = " " + text;
        }

        await Page.Keyboard.TypeAsync(text);

        // Fails here, not later with "no card", when keystrokes got lost.
        await Expect(box).ToContainTextAsync(text.Trim());
    }

    /// <summary>All rendered Adaptive Cards that contain the text.</summary>
    public ILocator Cards(string containingText) => Page.Locator(".ac-adaptiveCard", new() { HasText = containingText });

    /// <summary>
    /// Remembers every card shown now with its content, so <see cref="WaitForNewCardAsync"/> finds only answers to what
    /// comes next: the bot also sends cards on its own (a welcome card on install), channels list the newest thread
    /// first, and a card the bot replaces (invoke response, update) keeps its place in the page with new content.
    /// Every send and click method of this class calls it first.
    /// </summary>
    public Task MarkCardsAsSeenAsync() =>
        Page.EvaluateAsync(
            "seen => document.querySelectorAll('.ac-adaptiveCard').forEach(c => c.setAttribute(seen, c.textContent))",
            SeenAttribute);

    /// <summary>
    /// Waits for a card containing the text that is new or changed since the last send or click, and returns a locator
    /// pinned to it.
    /// </summary>
    public async Task<ILocator> WaitForNewCardAsync(string containingText, TimeSpan? timeout = null)
    {
        var id = NextPinId();
        try
        {
            await Page.WaitForFunctionAsync(
                """
                ([seen, pin, id, text]) => {
                  for (const card of document.querySelectorAll('.ac-adaptiveCard')) {
                    const content = card.textContent;
                    if (content.includes(text) && card.getAttribute(seen) !== content) {
                      card.setAttribute(pin, id);
                      return true;
                    }
                  }
                  return false;
                }
                """,
                new object[] { SeenAttribute, PinAttribute, id, containingText },
                new PageWaitForFunctionOptions { Timeout = (float)(timeout ?? CardTimeout).TotalMilliseconds, PollingInterval = 100 });
        }
        catch (TimeoutException ex)
        {
            var screenshot = await ScreenshotAsync($"failed-{DateTime.UtcNow:HHmmss-fff}");
            throw new TimeoutException($"No new or changed card containing '{containingText}' appeared. Screenshot: {screenshot}", ex);
        }

        var card = Page.Locator($".ac-adaptiveCard[{PinAttribute}='{id}']");
        await Expect(card).ToBeVisibleAsync();
        return card;
    }

    /// <summary>
    /// A locator for exactly this rendered card, which stays valid when other cards arrive or are marked as seen.
    /// When the bot replaces the card in place, it shows the new content.
    /// </summary>
    private async Task<ILocator> PinAsync(ILocator card)
    {
        var id = NextPinId();
        await card.EvaluateAsync($"e => e.setAttribute('{PinAttribute}', '{id}')");
        return Page.Locator($".ac-adaptiveCard[{PinAttribute}='{id}']");
    }

    private string NextPinId() => Interlocked.Increment(ref _pinned).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Waits until any rendered card contains the text (old or new) and returns the last one in the page.</summary>
    public async Task<ILocator> WaitForCardAsync(string containingText, TimeSpan? timeout = null)
    {
        var card = Cards(containingText).Last;
        await Expect(card).ToBeVisibleAsync(new() { Timeout = (float)(timeout ?? CardTimeout).TotalMilliseconds });
        return await PinAsync(card);
    }

    /// <summary>Clicks a card button (Action.Execute / Action.Submit / Action.ShowCard) by its title.</summary>
    public async Task ClickCardButtonAsync(ILocator card, string title)
    {
        ArgumentNullException.ThrowIfNull(card);
        await MarkCardsAsSeenAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = title, Exact = true }).ClickAsync();
    }

    /// <summary>Fills a card input (Input.Text/Number/Date) found by its label, or by its placeholder when it has none.</summary>
    public static async Task FillCardInputAsync(ILocator card, string labelOrPlaceholder, string value)
    {
        ArgumentNullException.ThrowIfNull(card);
        var byLabel = card.GetByLabel(labelOrPlaceholder);
        var input = await byLabel.CountAsync() > 0 ? byLabel.First : card.GetByPlaceholder(labelOrPlaceholder).First;
        await input.FillAsync(value);
    }

    /// <summary>
    /// Chooses an option of a single-choice Input.ChoiceSet by its label: the Playground renders the compact style as a
    /// dropdown (combobox + listbox options), the expanded style as radio buttons.
    /// </summary>
    public async Task SelectCardChoiceAsync(ILocator card, string label, string optionTitle)
    {
        ArgumentNullException.ThrowIfNull(card);
        // A role the method needs carries " *" after its label.
        var dropdown = card.GetByRole(AriaRole.Combobox, new() { Name = label, Exact = true })
            .Or(card.GetByRole(AriaRole.Combobox, new() { Name = label + " *", Exact = true }))
            .First;
        if (await dropdown.CountAsync() > 0)
        {
            await dropdown.ClickAsync();
            await Page.GetByRole(AriaRole.Option, new() { Name = optionTitle, Exact = true }).ClickAsync();
            if (await dropdown.EvaluateAsync<string>("e => e.tagName") == "INPUT")
            {
                await Expect(dropdown).ToHaveValueAsync(optionTitle);
            }
            else
            {
                await Expect(dropdown).ToContainTextAsync(optionTitle);
            }

            return;
        }

        await ChoiceOption(card, label, optionTitle, AriaRole.Radio).CheckAsync();
    }

    /// <summary>Ticks (or unticks) one option of a multi-select Input.ChoiceSet or an Input.Toggle, by label and option title.</summary>
    public static async Task CheckCardChoiceAsync(ILocator card, string label, string optionTitle, bool isChecked = true)
    {
        ArgumentNullException.ThrowIfNull(card);
        await ChoiceOption(card, label, optionTitle, AriaRole.Checkbox).SetCheckedAsync(isChecked);
    }

    // The accessible name is "<label> <option>" in the Playground's renderer (a role the method needs has "<label> *");
    // fall back to the option title alone.
    private static ILocator ChoiceOption(ILocator card, string label, string optionTitle, AriaRole role) =>
        card.GetByRole(role, new() { Name = $"{label} {optionTitle}", Exact = true })
            .Or(card.GetByRole(role, new() { Name = $"{label} * {optionTitle}", Exact = true }))
            .Or(card.GetByRole(role, new() { Name = optionTitle, Exact = true }))
            .First;

    /// <summary>
    /// Sends a message to the bot as another configured user (the UI can only type as the current user), through the
    /// Playground's custom activity API. The bot's answer shows up in the chat like any other.
    /// </summary>
    public async Task SendMessageAsUserAsync(PlaygroundUser user, PlaygroundChat chat, string text)
    {
        await MarkCardsAsSeenAsync();
        await Api.SendCustomActivityAsync(Api.MessageFrom(user, chat, text));
    }

    /// <summary>Posts any activity (e.g. built with <see cref="PlaygroundApi.MessageFrom"/> and changed) to the bot.</summary>
    public async Task SendCustomActivityAsync(System.Text.Json.Nodes.JsonObject activity)
    {
        await MarkCardsAsSeenAsync();
        await Api.SendCustomActivityAsync(activity);
    }

    /// <summary>Saves a full-page screenshot to TestResults/e2e-screenshots/{name}.png and returns the path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(TestArtifacts.Folder("e2e-screenshots"), $"{name}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>Saves a screenshot of one element (e.g. a card).</summary>
    public static async Task<string> ScreenshotAsync(ILocator element, string name)
    {
        ArgumentNullException.ThrowIfNull(element);
        var path = Path.Combine(TestArtifacts.Folder("e2e-screenshots"), $"{name}.png");
        await element.ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
        return path;
    }

    private Regex ChatNamePattern(PlaygroundChat chat) => chat switch
    {
        PlaygroundChat.Personal => new Regex("^Personal Chat", RegexOptions.IgnoreCase),
        PlaygroundChat.Group => new Regex("^" + Regex.Escape(Config.GroupChatName)),
        PlaygroundChat.TeamGeneral => new Regex("^" + Regex.Escape(Config.TeamName) + " - General"),
        PlaygroundChat.TeamChannel => new Regex("^" + Regex.Escape(Config.TeamName) + " - " + Regex.Escape(Config.Channel.Name)),
        _ => throw new ArgumentOutOfRangeException(nameof(chat)),
    };
}
