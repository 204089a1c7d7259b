import type { Subscription } from "./eventStore.ts";

/** @internal The open subscriptions of one store handle, so that closing the store ends them. */
export interface _SubscriptionRegistry {
  /** Keeps a subscription until its `done` settles; returns it. */
  track(sub: Subscription): Subscription;
  /** Stops every open subscription; resolves once each has handled its batch in flight. */
  stopAll(): Promise<void>;
}

/** @internal Creates the registry a store's `subscribe` and `close` share. */
export function _subscriptionRegistry(): _SubscriptionRegistry {
  const open = new Set<Subscription>();
  return {
    track(sub) {
      open.add(sub);
      const forget = () => open.delete(sub);
      sub.done.then(forget, forget);
      return sub;
    },
    async stopAll() {
      await Promise.all([...open].map((sub) => sub.stop()));
    },
  };
}
