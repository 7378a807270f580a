// Prints the path of the headless Chromium that the npm package @sparticuz/chromium ships inside itself (no download),
// unpacking it into os.tmpdir() on first use. The caller sets TMPDIR to a folder of its own, so nothing lands in /tmp.
// Usage: TMPDIR=<folder> node tools/node/chromium-path.mjs
import chromium from "@sparticuz/chromium";

console.log(await chromium.executablePath());
