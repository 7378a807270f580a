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

    /// <summary>Cards rendered since the last <see cref="MarkCardsAsSeenAsync"/> (a replaced or updated card counts as new).</summary>
    public ILocator NewCards(string containingText) =>
        Page.Locator($".ac-adaptiveCard:not([{SeenAttribute}])", new() { HasText = containingText });

    /// <summary>
    /// Marks every card shown now, so <see cref="WaitForNewCardAsync"/> finds only answers to what comes next: the bot
    /// also sends cards on its own (a welcome card on install), and channels list the newest thread first.
    /// Every send and click method of this class calls it first.
    /// </summary>
    public Task MarkCardsAsSeenAsync() =>
        Page.EvaluateAsync($"() => document.querySelectorAll('.ac-adaptiveCard').forEach(c => c.setAttribute('{SeenAttribute}', ''))");

    /// <summary>Waits for a card containing the text that was rendered after the last send or click, and returns it.</summary>
    public async Task<ILocator> WaitForNewCardAsync(string containingText, TimeSpan? timeout = null)
    {
        var card = NewCards(containingText).First;
        try
        {
            await Expect(card).ToBeVisibleAsync(new() { Timeout = (float)(timeout ?? CardTimeout).TotalMilliseconds });
        }
        catch (PlaywrightException ex)
        {
            var screenshot = await ScreenshotAsync($"failed-{DateTime.UtcNow:HHmmss-fff}");
            throw new PlaywrightException($"No new card containing '{containingText}' appeared. Screenshot: {screenshot}\n{ex.Message}");
        }

        return card;
    }

    /// <summary>Waits until any rendered card contains the text (old or new) and returns the last one in the page.</summary>
    public async Task<ILocator> WaitForCardAsync(string containingText, TimeSpan? timeout = null)
    {
        var card = Cards(containingText).Last;
        await Expect(card).ToBeVisibleAsync(new() { Timeout = (float)(timeout ?? CardTimeout).TotalMilliseconds });
        return card;
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

    /// <summary>Chooses an option of a card's Input.ChoiceSet (compact style renders as a select).</summary>
    public static async Task SelectCardChoiceAsync(ILocator card, string label, string optionTitle)
    {
        ArgumentNullException.ThrowIfNull(card);
        var select = card.GetByLabel(label);
        if (await select.EvaluateAsync<string>("e => e.tagName") == "SELECT")
        {
            await select.SelectOptionAsync(new SelectOptionValue { Label = optionTitle });
        }
        else
        {
            await card.GetByRole(AriaRole.Radio, new() { Name = optionTitle }).Or(card.GetByRole(AriaRole.Checkbox, new() { Name = optionTitle })).First.CheckAsync();
        }
    }

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
