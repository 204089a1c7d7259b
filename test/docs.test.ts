import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ESM script without types
import { markdownFiles, render } from "./tools/docs-snippets.mjs";

const root = resolve(import.meta.dirname, "..");

describe("docs", () => {
  const files: string[] = markdownFiles();

  it("quote examples exactly: run `npm run docs:snippets` after changing an example", () => {
    const drifted = files.filter((f) => {
      const text = readFileSync(join(root, f), "utf8");
      return render(text) !== text;
    });
    expect(drifted).toEqual([]);
  });

  it("quote at least the README's quick start", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    expect(readme).toMatch(/<!-- quote examples\/quickstart\.ts#/);
  });

  it("link only to files that exist", () => {
    const broken: string[] = [];
    for (const f of files) {
      const text = readFileSync(join(root, f), "utf8");
      for (const m of text.matchAll(/\]\((?!https?:|#|mailto:)([^)#\s]+)(?:#[^)]*)?\)/g)) {
        const target = join(root, f, "..", m[1]!);
        if (!existsSync(target)) broken.push(`${f} -> ${m[1]}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
