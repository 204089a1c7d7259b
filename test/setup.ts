import fc from "fast-check";

// Property tests run with a fixed seed so that CI is reproducible. Set FC_SEED to explore other seeds locally;
// a failing run prints its seed and path, which fc.assert accepts back for replay.
const seed = process.env.FC_SEED === undefined ? 20261127 : Number(process.env.FC_SEED);
fc.configureGlobal({ seed, numRuns: Number(process.env.FC_NUM_RUNS ?? 200) });
