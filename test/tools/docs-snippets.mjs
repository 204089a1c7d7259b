// Docs quote code from examples/, never retype it. A quote in Markdown looks like
//
//   <!-- quote examples/quickstart.ts#decider -->
//   ```ts
//   …the region's lines…
//   ```
//   <!-- /quote -->
//
// and a region in the example is the lines between `// #region decider` and `// #endregion decider`.
// `npm run docs:snippets` rewrites every quote from its source; `--check` only reports drift (exit 1).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("../..", import.meta.url).pathname;
const QUOTE = /<!-- quote ([^#\s]+)(?:#([\w-]+))? -->\n```(\w*)\n[\s\S]*?```\n<!-- \/quote -->/g;

export function region(file, name) {
  const lines = readFileSync(join(root, file), "utf8").split("\n");
  if (!name)
    return lines
      .filter((l) => !/^\s*\/\/ #(end)?region\b/.test(l))
      .join("\n")
      .trimEnd();
  const start = lines.findIndex((l) => l.trim() === `// #region ${name}`);
  const end = lines.findIndex((l) => l.trim() === `// #endregion ${name}`);
  if (start < 0 || end < start) throw new Error(`${file}: no region "${name}"`);
  return lines
    .slice(start + 1, end)
    .filter((l) => !/^\s*\/\/ #(end)?region\b/.test(l))
    .join("\n")
    .trimEnd();
}

export function render(markdown) {
  return markdown.replace(QUOTE, (_all, file, name, lang) => {
    const body = region(file, name);
    return `<!-- quote ${file}${name ? `#${name}` : ""} -->\n\`\`\`${lang || "ts"}\n${body}\n\`\`\`\n<!-- /quote -->`;
  });
}

export function markdownFiles() {
  const docs = readdirSync(join(root, "docs"), { recursive: true })
    .filter((f) => String(f).endsWith(".md") && !String(f).startsWith("api/"))
    .map((f) => join("docs", String(f)));
  return ["README.md", ...docs];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes("--check");
  let drift = 0;
  for (const file of markdownFiles()) {
    const path = join(root, file);
    const before = readFileSync(path, "utf8");
    const after = render(before);
    if (before !== after) {
      drift++;
      if (check) console.error(`${relative(root, path)}: a quoted snippet differs from its source`);
      else writeFileSync(path, after);
    }
  }
  if (check && drift > 0) process.exit(1);
  if (!check) console.error(`docs-snippets: ${drift} file(s) updated`);
}
