// Parses and validates Adaptive Cards with the official adaptivecards library and the Teams host config.
// Usage: node validate-cards.js <node_modules dir> <host config json> <cards json: [{name, card}]>
// Prints one JSON array: [{name, events: [{phase, event, message, source}]}]. Exit code 0 unless the script fails.
"use strict";
const fs = require("fs");
const path = require("path");

const [nodeModules, hostConfigPath, cardsPath] = process.argv.slice(2);
// The UMD bundle expects a browser-ish global; parse and validate work without a DOM.
const AdaptiveCards = require(path.resolve(nodeModules, "adaptivecards", "dist", "adaptivecards.min.js"));
const hostConfig = new AdaptiveCards.HostConfig(JSON.parse(fs.readFileSync(hostConfigPath, "utf8")));
const cards = JSON.parse(fs.readFileSync(cardsPath, "utf8"));

const results = cards.map(({ name, card }) => {
  const events = [];
  try {
    const ac = new AdaptiveCards.AdaptiveCard();
    ac.hostConfig = hostConfig;
    const context = new AdaptiveCards.SerializationContext();
    ac.parse(card, context);
    for (let i = 0; i < context.eventCount; i++) {
      const e = context.getEventAt(i);
      events.push({
        phase: AdaptiveCards.ValidationPhase[e.phase],
        event: AdaptiveCards.ValidationEvent[e.event],
        message: e.message,
        source: e.source && e.source.getJsonTypeName ? e.source.getJsonTypeName() : null,
      });
    }
    for (const e of ac.validateProperties().validationEvents) {
      events.push({
        phase: AdaptiveCards.ValidationPhase[e.phase],
        event: AdaptiveCards.ValidationEvent[e.event],
        message: e.message,
        source: e.source && e.source.getJsonTypeName ? e.source.getJsonTypeName() : null,
      });
    }
  } catch (err) {
    events.push({ phase: "Script", event: "Exception", message: String(err && err.stack || err), source: null });
  }
  return { name, events };
});
process.stdout.write(JSON.stringify(results));
