// Builds dist/ when it is missing or older than the sources, so `npm test`, `npm run demo` and `npm run bench`
// work on a fresh clone with no other step.
import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = new URL("../..", import.meta.url).pathname;
const outputs = ["dist/index.js", "dist/index.cjs", "dist/testing.js", "dist/index.d.ts", "dist/cli.js"].map((f) => join(root, f));

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const sourcesChanged = Math.max(
  newest(join(root, "src")),
  statSync(join(root, "tsup.config.ts")).mtimeMs,
  statSync(join(root, "package.json")).mtimeMs,
);
const built = outputs.every(existsSync) ? Math.min(...outputs.map((f) => statSync(f).mtimeMs)) : 0;
if (built < sourcesChanged) {
  console.error("salesfold: building dist/ (sources are newer than the build)…");
  execSync("npm run build --silent", { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
}
