using System.Reflection;
using System.Text.Json.Nodes;
using GbbTeamsBot.Cards.Tests.Samples;
using GbbTeamsBot.Cards.Tests.Validation;

namespace GbbTeamsBot.Cards.Tests;

/// <summary>
/// Every card the bot can produce, in German and English, parsed and validated by the official adaptivecards
/// library with the Teams host config (one node process for the whole run) plus our own contract checks.
/// </summary>
public sealed class CardValidationTests
{
    private const string CanaryPrefix = "canary/";

    // One node run for all sample cards and the canaries that prove the harness can fail.
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<CardEvent>>> Results = new(() =>
        CardValidator.Validate(SampleCards.All.Select(s => (s.Name, s.Card.ToJson())).Concat(Canaries())));

    public static TheoryData<string> SampleNames() => new(SampleCards.All.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Card_parses_and_validates_without_events(string name)
    {
        var events = Results.Value[name];

        Assert.True(events.Count == 0, $"{name}:\n" + string.Join("\n", events));
    }

    [Fact]
    public void Every_public_screen_builder_has_samples_in_both_languages()
    {
        var builders = typeof(AdaptiveCard).Assembly.GetTypes()
            .Where(t => t.IsPublic && t.Namespace == "GbbTeamsBot.Cards.Screens")
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static)
                .Where(m => m.ReturnType == typeof(AdaptiveCard))
                .Select(m => $"{t.Name}.{m.Name}"))
            .Distinct()
            .ToArray();

        Assert.NotEmpty(builders);
        foreach (var builder in builders)
        {
            foreach (var language in Enum.GetValues<UiLanguage>())
            {
                Assert.True(
                    SampleCards.All.Any(s => s.Builder == builder && s.Name.EndsWith("/" + language, StringComparison.Ordinal)),
                    $"No {language} sample for {builder}; add one to SampleCards.");
            }
        }
    }

    [Theory]
    [InlineData("canary/unknown-element", "UnknownElementType")]
    [InlineData("canary/input-without-label", "RequiredInputsShouldHaveLabel")]
    [InlineData("canary/execute-without-fallback", "MissingSubmitFallback")]
    [InlineData("canary/session-verb-without-session", "MissingSession")]
    [InlineData("canary/too-large", "CardTooLarge")]
    public void Harness_reports_broken_cards(string name, string expectedEvent)
    {
        Assert.Contains(Results.Value[name], e => e.Event == expectedEvent);
    }

    [Fact]
    public void Huge_sessions_still_fit_within_the_size_limit()
    {
        var huge = SampleCards.All.Where(s => s.Name.Contains("/huge/", StringComparison.Ordinal)).ToArray();

        Assert.NotEmpty(huge);
        Assert.All(huge, s => Assert.True(
            System.Text.Encoding.UTF8.GetByteCount(s.Card.ToJsonString()) < CardLimits.MaxCardBytes,
            s.Name));
    }

    private static IEnumerable<(string, JsonObject)> Canaries()
    {
        static JsonObject Card(params CardElement[] body) => new AdaptiveCard { Body = body }.ToJson();

        var unknown = Card(new TextBlock("x"));
        unknown["body"]!.AsArray().Add(new JsonObject { ["type"] = "FooBar" });
        yield return (CanaryPrefix + "unknown-element", unknown);

        var unlabeled = Card(new TextInput("t", "x") { IsRequired = true, ErrorMessage = "e" });
        unlabeled["body"]![0]!.AsObject().Remove("label");
        yield return (CanaryPrefix + "input-without-label", unlabeled);

        yield return (CanaryPrefix + "execute-without-fallback", new AdaptiveCard
        {
            Body = [new TextBlock("x")],
            Actions = [new ExecuteAction("Go", "gbb.help.show", new JsonObject { ["verb"] = "gbb.help.show", ["requestId"] = "r" })],
        }.ToJson());

        var data = new JsonObject { ["verb"] = CardVerbs.SessionNext, ["requestId"] = "r" };
        yield return (CanaryPrefix + "session-verb-without-session", new AdaptiveCard
        {
            Body = [new TextBlock("x")],
            Actions = [new ExecuteAction("Go", CardVerbs.SessionNext, data) { Fallback = new SubmitAction("Go", data) }],
        }.ToJson());

        yield return (CanaryPrefix + "too-large", Card(Enumerable.Range(0, 60).Select(_ => (CardElement)new TextBlock(new string('x', 1000))).ToArray()));
    }
}
