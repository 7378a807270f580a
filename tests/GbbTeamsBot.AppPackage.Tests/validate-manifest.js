// Validates Teams app manifest files offline against the schemas shipped by @microsoft/app-manifest
// (draft-04, hence ajv-draft-04 + ajv-formats, the same setup the package uses).
// Usage: node validate-manifest.js <node_modules dir> <schema version, e.g. v1.22> <file>...
// Each file is checked against MicrosoftTeams.schema.json, or MicrosoftTeams.Localization.schema.json when its
// $schema names the localization schema. Prints [{file, schema, errors: [..]}] as JSON; exit code 0.
"use strict";
const fs = require("fs");
const path = require("path");

const [nodeModules, version, ...files] = process.argv.slice(2);
const resolve = (name) => require(path.join(path.resolve(nodeModules), name));
const Ajv = resolve("ajv-draft-04");
const addFormats = resolve("ajv-formats");
const schemaDir = path.join(path.resolve(nodeModules), "@microsoft", "app-manifest", "build", "json-schemas", "teams", version);

const ajv = new (Ajv.default || Ajv)({ allErrors: true, strict: false, unicodeRegExp: false }); // the localization schema has patterns invalid under the u flag;
(addFormats.default || addFormats)(ajv, ["uri", "email", "regex"]);
const load = (name) => ajv.compile(JSON.parse(fs.readFileSync(path.join(schemaDir, name), "utf8")));
const validators = {
  manifest: load("MicrosoftTeams.schema.json"),
  localization: load("MicrosoftTeams.Localization.schema.json"),
};

const results = files.map((file) => {
  const json = JSON.parse(fs.readFileSync(file, "utf8"));
  const schema = String(json.$schema || "").includes("Localization") ? "localization" : "manifest";
  const validate = validators[schema];
  const ok = validate(json);
  const errors = ok ? [] : validate.errors.map((e) => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
  return { file, schema, errors };
});
process.stdout.write(JSON.stringify(results));
