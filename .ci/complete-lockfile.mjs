// npm on this registry mirror leaves out optional platform packages the mirror does not serve
// (e.g. @rollup/rollup-android-arm64), and `npm ci` then calls the lock out of sync. This adds
// those entries (name and version only; npm skips them on other platforms). Run after `npm install`.
import { readFileSync, writeFileSync } from "node:fs";
const file = process.argv[2] ?? "package-lock.json";
const lock = JSON.parse(readFileSync(file, "utf8"));
let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = path ? `${path}/node_modules/${name}` : `node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    if (lock.packages[base] || lock.packages[hoisted]) continue;
    lock.packages[hoisted] = { version: range, optional: true };
    added++;
  }
}
writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");
console.log(`added ${added}`);
