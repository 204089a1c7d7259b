import { existsSync, readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "..");
const src = join(root, "src");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

function importsOf(file: string): string[] {
  // Comments (TSDoc examples) are not imports.
  const text = readFileSync(file, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "");
  const found: string[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)) {
    found.push((m[1] ?? m[2])!);
  }
  return found;
}

const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const isNodeBuiltin = (spec: string) => spec.startsWith("node:") || nodeBuiltins.has(spec.split("/")[0]!);
const area = (file: string) => relative(src, file).split("/")[0]!;
// The package entries (src/index.ts, src/sqlite.ts, …) are the only files that may re-export an adapter.
const isEntry = (file: string) => dirname(file) === src;

describe("architecture", () => {
  const all = files(src);

  it("finds the sources it checks", () => {
    expect(all.length).toBeGreaterThan(30);
    expect(all.some((f) => f.includes("/core/eventStore/"))).toBe(true);
  });

  it("keeps Node built-ins out of the core, the domain areas and the testing kit", () => {
    const offenders = all
      .filter((f) => area(f) !== "adapters" && area(f) !== "cli" && !isEntry(f))
      .flatMap((f) =>
        importsOf(f)
          .filter(isNodeBuiltin)
          .map((spec) => `${relative(root, f)} imports ${spec}`),
      );
    expect(offenders).toEqual([]);
  });

  it("lets nothing import an adapter, the core import only the core, and the domain neither the CLI nor the testing kit", () => {
    const offenders: string[] = [];
    for (const f of all) {
      if (isEntry(f)) continue;
      for (const spec of importsOf(f).filter((s) => s.startsWith("."))) {
        const target = resolve(dirname(f), spec);
        const targetArea = relative(src, target).split("/")[0] ?? "";
        if (targetArea === "adapters" && area(f) !== "adapters")
          offenders.push(`${relative(root, f)} imports adapter ${spec}`);
        if (area(f) === "core" && targetArea !== "core") offenders.push(`${relative(root, f)} (core) imports ${spec}`);
        const isDomain = !["testing", "adapters", "cli", "core"].includes(area(f));
        if (isDomain && ["testing", "cli"].includes(targetArea)) {
          offenders.push(`${relative(root, f)} (domain) imports ${targetArea}: ${spec}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it("keeps the package entries as explicit export lists", () => {
    for (const entry of readdirSync(src).filter((f) => f.endsWith(".ts"))) {
      const text = readFileSync(join(src, entry), "utf8");
      expect(text, entry).not.toMatch(/export \*/);
    }
  });

  it("keeps files to one concept: a few hundred lines at most", () => {
    const long = all
      .map((f) => [relative(root, f), readFileSync(f, "utf8").split("\n").length] as const)
      .filter(([, n]) => n > 400);
    expect(long).toEqual([]);
  });
});

describe("the built core", () => {
  const dist = join(root, "dist");

  it("imports only its declared runtime dependencies, so it bundles for browsers and edge runtimes", () => {
    expect(existsSync(join(dist, "index.js")), "run `npm run build` first").toBe(true);
    const allowed = new Set(["zod", "immer", "date-fns", "@date-fns/tz"]);
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of importsOf(file)) {
        if (spec.startsWith(".")) visit(resolve(dirname(file), spec));
        else
          expect(
            allowed.has(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!),
            `${relative(root, file)} imports ${spec}`,
          ).toBe(true);
      }
    };
    visit(join(dist, "index.js"));
    const cjs = readFileSync(join(dist, "index.cjs"), "utf8");
    const required = [...cjs.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]!);
    expect(
      required.filter((r) => !allowed.has(r.startsWith("@") ? r.split("/").slice(0, 2).join("/") : r.split("/")[0]!)),
    ).toEqual([]);
    expect(required.some(isNodeBuiltin)).toBe(false);
  });

  it("loads from CommonJS without require(esm)", async () => {
    const { execFileSync } = await import("node:child_process");
    const out = execFileSync(
      process.execPath,
      [
        "--no-experimental-require-module",
        "-e",
        "const s = require('./dist/index.cjs'); process.stdout.write(String(s.randomId().length))",
      ],
      { cwd: root, encoding: "utf8" },
    );
    expect(out).toBe("21");
  });
});
