export {
  defineProjection,
  type Projection,
  type ProjectionDefinition,
  type ProjectionHandlers,
} from "./defineProjection.ts";
export { fold } from "./fold.ts";
export { type InlineProjection, inlineProjection } from "./inlineProjection.ts";
export { type ProjectionState, rebuildProjection } from "./rebuildProjection.ts";
export { type ProjectionStates, rebuildProjections } from "./rebuildProjections.ts";
export { createMemoryProcessor, type MemoryProcessor } from "./memoryProcessor.ts";
export {
  createProjectionRunner,
  type ProjectionProcessor,
  type ProjectionRunner,
  type ProjectionRunnerOptions,
} from "./projectionRunner.ts";
