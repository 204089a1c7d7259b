export { type Clock, fixedClock, steppingClock, systemClock } from "./clock.ts";
export { type IdGenerator, randomId, sequentialIds } from "./ids.ts";
export { orderedIds } from "./orderedIds.ts";
