// Every incentive law of the kit holds as a property over the kit's own plan arbitraries.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { definePlan } from "../../../../src/incentives/index.ts";
import { arbIncentivePlan, INCENTIVE_LAWS, incentiveLaws } from "../../../../src/testing.ts";

const outer = { numRuns: 40 };
const inner = { numRuns: 12 };

describe("incentive laws on the built-in arbitraries", () => {
  it("every generated plan passes definePlan", () => {
    fc.assert(
      fc.property(arbIncentivePlan({ decelerators: true }), (plan) => {
        expect(definePlan(plan)).toEqual(plan);
      }),
      { numRuns: 300 },
    );
  });

  for (const law of INCENTIVE_LAWS) {
    it(`${law} holds`, () => {
      fc.assert(
        fc.property(arbIncentivePlan({ clawback: law === "clawbackCancels" ? true : undefined }), (plan) => {
          incentiveLaws(plan, inner).check(law);
        }),
        outer,
      );
    });
  }
});
