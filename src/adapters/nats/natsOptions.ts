import type { NatsConnection } from "@nats-io/transport-node";
import { z } from "zod";

/** @internal An open NATS connection (checked by shape: the store never imports a second copy of the client). */
export const natsConnectionSchema = z.custom<NatsConnection>(
  (v) =>
    typeof v === "object" &&
    v !== null &&
    typeof (v as NatsConnection).publish === "function" &&
    typeof (v as NatsConnection).request === "function" &&
    typeof (v as NatsConnection).drain === "function",
  "an open NatsConnection",
);

/** @internal The options shared by the event store and the snapshot store. */
export const natsSettingsShape = {
  servers: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
  replicas: z.number().int().min(1).max(5).optional(),
  storage: z.enum(["file", "memory"]).optional(),
};
