export {
  defineProjection,
  type Projection,
  type ProjectionDefinition,
  type ProjectionHandlers,
} from "./defineProjection.ts";
export { fold } from "./fold.ts";
export { type InlineProjection, inlineProjection } from "./inlineProjection.ts";
export { type ProjectionState, rebuildProjection } from "./rebuildProjection.ts";
