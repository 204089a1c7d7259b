export { aggregateStream } from "./aggregateStream.ts";
export {
  type CommandHandler,
  type CommandHandlerOptions,
  createCommandHandler,
  type HandleOptions,
  type HandleResult,
} from "./commandHandler.ts";
export { type DecisionContext, type Decider, evolveAll } from "./decider.ts";
export { createInMemorySnapshotStore, type Snapshot, type SnapshotStore } from "./snapshotStore.ts";
