// Starts Azurite's Table service in-process so that shutdown is always graceful:
// Azurite's own CLI handles only the first SIGINT and dies unsaved on SIGTERM or a second SIGINT.
// Here SIGINT, SIGTERM and the parent closing stdin all trigger one close, which saves the LokiJS database.
"use strict";
const path = require("path");
const TableConfiguration = require("azurite/dist/src/table/TableConfiguration").default;
const TableServer = require("azurite/dist/src/table/TableServer").default;

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const host = arg("--host", "127.0.0.1");
const port = Number(arg("--port", "10002"));
const location = arg("--location", "");
const inMemory = location === "";
const dbPath = inMemory ? "__azurite_db_table__.json" : path.join(location, "__azurite_db_table__.json");

if (!inMemory) require("fs").mkdirSync(location, { recursive: true });
const config = new TableConfiguration(host, port, undefined, dbPath, false, false, undefined, undefined,
  false, false, "", "", "", undefined, false, inMemory);
const server = new TableServer(config);

let closing = null;
function close(reason) {
  if (closing) return closing;
  console.log(`azurite-table: closing (${reason})`);
  closing = server.close().then(
    () => { console.log("azurite-table: closed, data saved"); process.exit(0); },
    (err) => { console.error(`azurite-table: close failed: ${err && err.message}`); process.exit(1); });
  return closing;
}

process.on("SIGINT", () => close("SIGINT"));
process.on("SIGTERM", () => close("SIGTERM"));
if (process.argv.includes("--stop-on-stdin-close")) {
  process.stdin.on("end", () => close("stdin closed"));
  process.stdin.resume();
}

server.start().then(
  () => console.log(`azurite-table: ready on ${host}:${port} (${inMemory ? "in memory" : location})`),
  (err) => { console.error(`azurite-table: could not start on ${host}:${port}: ${err && err.message}`); process.exit(1); });
