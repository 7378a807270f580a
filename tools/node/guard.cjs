// Runs one command and makes sure it never outlives whoever started it.
//   node tools/node/guard.cjs <command> [args...]
// The command runs in its own process group, so a terminal Ctrl+C reaches it exactly once (forwarded from here).
// It is stopped with SIGINT (then killed after a grace period) when this wrapper gets SIGINT/SIGTERM/SIGHUP or
// when its stdin closes, which is what happens when the parent process dies, even by SIGKILL.
// The exit code of the command is passed through.
"use strict";
const { spawn } = require("child_process");

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("guard: usage: node guard.cjs <command> [args...]");
  process.exit(2);
}

const graceMs = Number(process.env.GUARD_GRACE_MS || 10000);
const unix = process.platform !== "win32";
const child = spawn(command, args, { stdio: ["ignore", "inherit", "inherit"], detached: unix, windowsHide: true });

let stopping = false;
function signalChild(signal) {
  try {
    if (unix) process.kill(-child.pid, signal); // the whole group: the command and anything it started
    else child.kill(signal);
  } catch {
    // Already gone.
  }
}

function stop(reason) {
  if (stopping) return;
  stopping = true;
  console.error(`guard: stopping ${command} (${reason})`);
  signalChild("SIGINT");
  setTimeout(() => {
    console.error(`guard: ${command} did not stop within ${graceMs} ms, killing it`);
    signalChild("SIGKILL");
  }, graceMs).unref();
}

child.on("error", (err) => {
  console.error(`guard: could not start ${command}: ${err.message}`);
  process.exit(127);
});
child.on("exit", (code, signal) => {
  if (unix) signalChild("SIGKILL"); // leftovers of the group, if any
  process.exit(code ?? (signal ? 1 : 0));
});

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => stop(signal));
}
process.stdin.on("end", () => stop("stdin closed"));
process.stdin.on("error", () => stop("stdin error"));
process.stdin.resume();
