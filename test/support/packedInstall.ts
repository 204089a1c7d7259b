// Installs salesfold the way a user gets it: `npm pack` of the built package, then `npm install` of that tarball
// into a scratch project that holds a copy of examples/. The scratch project sits inside the repository
// (.packed/, ignored by git) only so that the optional peers a user would add themselves (better-sqlite3, pg,
// the NATS client, fast-check) resolve from the repository's node_modules; salesfold and its own dependencies
// resolve from the scratch project's node_modules, which npm filled from the tarball's package.json.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");

/** Where the scratch project lives. */
export const packedDir = join(root, ".packed");

/**
 * Packs the package, installs the tarball into {@link packedDir} and copies examples/ beside it.
 * Returns the scratch project's folder. Throws with npm's output when packing or installing fails.
 */
export function installPacked(): string {
  if (!existsSync(join(root, "dist", "index.js"))) throw new Error("dist/ is missing: run `npm run build` first");
  rmSync(packedDir, { recursive: true, force: true });
  mkdirSync(packedDir, { recursive: true });
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const quiet = {
    cwd: root,
    encoding: "utf8" as const,
    stdio: ["ignore", "pipe", "pipe"] as ["ignore", "pipe", "pipe"],
  };
  const packed = JSON.parse(
    execFileSync(npm, ["pack", "--json", "--ignore-scripts", "--pack-destination", packedDir], quiet),
  ) as { filename: string; files: { path: string }[] }[];
  const tarball = packed[0]!.filename;
  const files = packed[0]!.files.map((f) => f.path);
  if (files.some((f) => !(f.startsWith("dist/") || ["package.json", "README.md", "LICENSE"].includes(f)))) {
    throw new Error(`the tarball holds files outside dist/: ${files.join(", ")}`);
  }
  writeFileSync(
    join(packedDir, "package.json"),
    `${JSON.stringify(
      {
        name: "salesfold-examples",
        private: true,
        type: "module",
        dependencies: { salesfold: `file:./${tarball}` },
      },
      null,
      2,
    )}\n`,
  );
  // No `paths`: imports of salesfold must resolve through the installed package's exports, as in a user's project.
  writeFileSync(
    join(packedDir, "tsconfig.json"),
    `${JSON.stringify(
      {
        compilerOptions: {
          target: "ES2022",
          module: "ESNext",
          moduleResolution: "Bundler",
          allowImportingTsExtensions: true,
          verbatimModuleSyntax: true,
          strict: true,
          noEmit: true,
        },
      },
      null,
      2,
    )}\n`,
  );
  execFileSync(npm, ["install", "--no-audit", "--no-fund", "--prefer-offline", "--ignore-scripts"], {
    ...quiet,
    cwd: packedDir,
  });
  const installed = JSON.parse(readFileSync(join(packedDir, "node_modules", "salesfold", "package.json"), "utf8"));
  const own = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  if (installed.version !== own.version)
    throw new Error(`installed salesfold ${installed.version}, not ${own.version}`);
  cpSync(join(root, "examples"), join(packedDir, "examples"), { recursive: true });
  return packedDir;
}
