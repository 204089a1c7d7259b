// Every example runs against the built package as a user gets it: `npm pack`, then the tarball installed into a
// scratch project (see support/packedInstall.ts), with imports of salesfold resolved through its package exports.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, realpathSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { installPacked } from "./support/packedInstall.ts";
import { natsAvailable, postgresAvailable } from "./support/services.ts";

const root = resolve(import.meta.dirname, "..");
const tsx = join(root, "node_modules", ".bin", "tsx");
const packed = installPacked();

// What each example must print, so an example that runs but does the wrong thing fails too.
const expectations: Record<string, RegExp[]> = {
  "dealDomain.ts": [],
  "customAdapter.ts": [/# pass 22\b/, /# fail 0\b/],
  "testingDecider.ts": [/# pass 5\b/, /# fail 0\b/],
  "natsStore.ts": [
    /retry returned the original: true/,
    /stale writer refused: true/,
    /deal-42 is at version 2: DealOpened, DealWon/,
    /won by rep-ana at position 2097152/,
  ],
  "sqliteStore.ts": [
    /inline read model: \[\{"rep_id":"ana","won_minor":6050000\}\]/,
    /checkpoint 3/,
    /deal-1: 1 DealWon @1/,
  ],
  "assignments.ts": [
    /routed cu-bolt -> rep-ana/,
    /refused rep-bo: reclaim_too_soon/,
    /claimed cu-cart -> rep-ana/,
    /returned cu-dune after 40 idle days/,
    /cu-cart: rep-bo from 2026-07-01 .*pool from 2026-07-06 .*rep-ana from 2026-07-06/,
    /owner of cu-bolt on 2026-07-03: rep-ana/,
    /topic pricing: 2 \(2026-07: 1, 2026-08: 1\)/,
    /competitor Acme: 2 signals/,
  ],
  "goals.ts": [
    /rep-bo participates 45\/92 days of 2026-Q3/,
    /q3-east\s+target USD 900,000\.00\s+achieved USD 620,000\.00\s+68\.88%/,
    /q3-bo\s+target USD 176,086\.96\s+achieved USD 220,000\.00\s+124\.93%/,
    /stars: rep-bo/,
    /mismatch q3-east \(split\): children USD 716,086\.96 vs USD 900,000\.00/,
    /pacing linear\s+day 61\/92: expected USD 596,739\.13, achieved USD 500,000\.00 → off_track/,
    /pacing seasonal day 61\/92: expected USD 531,290\.32, achieved USD 500,000\.00 → cautioned/,
  ],
  "postgresStore.ts": [
    /retry returned the original: true/,
    /stale writer refused: true/,
    /inline read model: \[\{"rep_id":"ana","won_minor":6050000\}\]/,
    /subscription saw positions 1,2,3/,
    /checkpoint 3/,
    /deal-1: won @1/,
  ],
  "commissionPlan.ts": [
    /rep-ana 2026-01 pays USD 4,000\.00/,
    /cap\s+-USD 800\.00/,
    /excess_release\s+USD 800\.00/,
    /draw_recovery\s+-USD 610\.00/,
    /rep-bo 2026-02 pays USD 2,110\.00/,
  ],
  "salesData.ts": [
    /refund line -USD 899\.10/,
    /pipeline negotiation\s+1 deal\(s\)\s+USD 20,000\.00 weighted\s+USD 16,000\.00/,
    /win\/loss won 1 lost 1 win rate 5000 bps/,
    /competitor globex: on 1 closed, lost to 1/,
    /credit rep-ana\s+revenue USD 28,800\.00/,
    /credit rep-bo\s+revenue USD 20,998\.20/,
    /credit se-cy\s+revenue\s+USD 0\.00 overlay USD 48,000\.00/,
    /360 Acme: 1 interaction\(s\), deals won 1 open 1, net purchases USD 1,798\.20, CSAT 10000 bps, owners rep-ana -> rep-bo/,
  ],
  "privacy.ts": [
    /stored name: sf1\.1\.…/,
    /read back: Li Wei/,
    /erased cu-1: 1 key version destroyed/,
    /after erasure: \[erased\], contact \[erased\] <\[erased\]>/,
    /credit of rep-ana: USD 480000 \(unchanged\)/,
    /audit: cu-1 completed \(gdpr-art-17 ticket 4411\)/,
    /plaintext in the database file: false/,
  ],
  "appraisals.ts": [
    /rep-ana: computed 4\.022, final 4\.022; missing: none/,
    /rep-bo: computed 2\.417, final 2\.6; missing: nps/,
    /Customer NPS: missing \(no nps measurement recorded\); not counted/,
    /calibrated 2\.417 → 2\.6 by dir-wu/,
    /rep-ana MBO bonus USD 1,511\.00/,
    /rep-bo MBO bonus USD 800\.00/,
    /w29 carries forward: a1/,
    /overdue on 2026-07-13: east-weekly\/a1/,
    /rep-ana training 100% complete; expiring soon: cert-pro/,
  ],
  "propertyTestPlan.ts": [/^on {2}monotonic/m, /# pass 9\b/, /# fail 0\b/],
  "cookbook/flatRateSaas.ts": [
    /=> flat-rate 2026-01 pays USD 3,733\.33/,
    /=> flat-rate 2026-02 pays -USD 600\.00/,
    /clawback\s+-USD 600\.00/,
    /# pass 7\b/,
    /# fail 0\b/,
  ],
  "cookbook/marginalAccelerator.ts": [
    /=> marginal 2026-01 pays USD 2,700\.00/,
    /=> marginal 2026-02 pays USD 3,300\.00/,
    /=> marginal 2026-03 pays USD 5,800\.00/,
    /×2 accelerator/,
    /# pass 7\b/,
    /# fail 0\b/,
  ],
  "cookbook/retroactiveTiers.ts": [
    /=> retroactive 2026-01 pays EUR 3,000\.00/,
    /=> retroactive with only p1 pays EUR 1,200\.00/,
    /# pass 6\b/,
    /# fail 0\b/,
  ],
  "cookbook/payCurve.ts": [/=> pay curve 2026-Q1 at 12000 bps pays USD 9,600\.00/, /# pass 7\b/, /# fail 0\b/],
  "cookbook/cappedExcessLater.ts": [
    /=> capped 2026-01 pays USD 5,000\.00/,
    /excess_release\s+USD 2,200\.00/,
    /=> capped 2026-02 pays USD 3,800\.00/,
    /# pass 8\b/,
    /# fail 0\b/,
  ],
  "cookbook/newHireDraw.ts": [
    /=> new hire 2026-01 pays USD 1,548\.39, draw balance USD 1,148\.39/,
    /=> new hire 2026-04 pays USD 4,251\.61, draw balance USD 0\.00/,
    /# pass 7\b/,
    /# fail 0\b/,
  ],
  "cookbook/spiffMbo.ts": [
    /=> spiff\+mbo 2026-Q1 pays GBP 4,675\.00/,
    /mbo\s+GBP 1,500\.00/,
    /# pass 7\b/,
    /# fail 0\b/,
  ],
  "cookbook/clawbackHolds.ts": [
    /=> paid-on-cash 2026-01 pays AUD 900\.00/,
    /=> paid-on-cash 2026-02 pays -AUD 300\.00/,
    /hold_release\s+AUD 480\.00/,
    /# pass 7\b/,
    /# fail 0\b/,
  ],
  "customProjection.ts": [
    /rep-ana 2026-07 won USD 12,000\.00/,
    /rep-ana 2026-08 won USD 8,000\.00/,
    /rep-bo 2026-08 won USD 20,000\.00/,
  ],
  "discountByProduct.ts": [
    /2026-07 arm\s+2 line\(s\) list EUR 15,000\.00 net EUR 12,750\.00\s+average discount 15\.00% \(by value\), 17\.50% \(mean of lines\)/,
    /2026-08 arm\s+1 line\(s\) .*5\.00% \(by value\)/,
    /2026-08 sensor .*15\.00% \(by value\)/,
  ],
  "pipelineCoverage.ts": [
    /2026-07-02 rep-bo below 3× \(2\.25×\) after DealOpened b-1/,
    /2026-07-20 rep-ana below 3× \(0\.00×\) after DealLost a-1/,
    /2026-08-17 rep-ana back above 3× \(3\.30×\) after DealOpened a-3/,
    /below 3× at the end: rep-ana/,
  ],
  "crmService.ts": [
    /open: 200 version 1 \["DealOpened"\]/,
    /invalid: 400 validation_failed/,
    /stale: 409 concurrency_conflict/,
    /lose after win: 409 deal_closed/,
    /pipeline: rep-bo 1 open deal\(s\)/,
    /server closed/,
  ],
  "quickstart.ts": [
    /refused: deal_not_open/,
    /rep-ana\s+open\s+USD 12,500\.00\s+won\s+USD 48,000\.00/,
    /rep-bo .*lost\s+USD 30,000\.00/,
  ],
};

// Examples that talk to a service run only where it answers (CI requires it; elsewhere a loud line says why not).
const needs: Record<string, () => Promise<boolean>> = {
  "natsStore.ts": natsAvailable,
  "postgresStore.ts": postgresAvailable,
};
const available = Object.fromEntries(
  await Promise.all(Object.entries(needs).map(async ([file, probe]) => [file, await probe()] as const)),
);

describe("examples", () => {
  const files = readdirSync(join(root, "examples"), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".ts"));

  it("has an expectation for every example", () => {
    expect(files.sort()).toEqual(Object.keys(expectations).sort());
  });

  it("imports salesfold from the installed tarball, not from the sources", () => {
    const installed = realpathSync(join(packed, "node_modules", "salesfold"));
    expect(installed.startsWith(packed)).toBe(true);
    expect(existsSync(join(installed, "dist", "index.js"))).toBe(true);
    expect(existsSync(join(installed, "src"))).toBe(false);
    const out = execFileSync(
      process.execPath,
      ["--input-type=module", "-e", 'console.log(import.meta.resolve("salesfold/sqlite"))'],
      { cwd: packed, encoding: "utf8" },
    );
    expect(out.trim()).toBe(`file://${join(installed, "dist", "sqlite.js")}`);
  });

  for (const file of files) {
    it.skipIf(available[file] === false)(`${file} runs and prints what it should`, () => {
      const out = execFileSync(tsx, [join("examples", file)], {
        cwd: packed,
        encoding: "utf8",
        timeout: 60_000,
        env: { ...process.env, TSX_TSCONFIG_PATH: join(packed, "tsconfig.json") },
      });
      for (const pattern of expectations[file] ?? []) expect(out).toMatch(pattern);
    });
  }
});
