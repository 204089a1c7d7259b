import { z } from "zod";
import { _zodIssues, ValidationError } from "../errors/index.ts";
import { streamIdSchema } from "../events/index.ts";

const readStreamOptionsSchema = z
  .strictObject({
    direction: z.enum(["forwards", "backwards"]).optional(),
    fromVersion: z.number().int().min(0).optional(),
    toVersion: z.number().int().min(0).optional(),
    maxCount: z.number().int().min(0).optional(),
  })
  .optional();

const readAllOptionsSchema = z
  .strictObject({
    after: z.number().int().min(0).optional(),
    limit: z.number().int().min(0).optional(),
    types: z.array(z.string().min(1)).optional(),
  })
  .optional();

/**
 * Validated read-stream options with defaults applied.
 *
 * @example
 * ```ts
 * const o: ParsedReadStreamOptions = parseReadStreamOptions("MyStore.readStream", { direction: "backwards" });
 * ```
 */
export interface ParsedReadStreamOptions {
  readonly direction: "forwards" | "backwards";
  readonly fromVersion: number | undefined;
  readonly toVersion: number | undefined;
  readonly maxCount: number | undefined;
}

/**
 * Validates the options of `readStream`, for every adapter alike.
 *
 * @param api - The API name for errors.
 * @param options - The caller's options.
 * @returns The options with the direction defaulted.
 * @throws {@link ValidationError} for unknown keys or bad values.
 * @example
 * ```ts
 * parseReadStreamOptions("MyStore.readStream", { fromVersion: 5 }).direction; // "forwards"
 * ```
 */
export function parseReadStreamOptions(api: string, options: unknown): ParsedReadStreamOptions {
  const parsed = readStreamOptionsSchema.safeParse(options);
  if (!parsed.success) throw toValidationError(api, parsed.error.issues);
  const o = parsed.data ?? {};
  return {
    direction: o.direction ?? "forwards",
    fromVersion: o.fromVersion,
    toVersion: o.toVersion,
    maxCount: o.maxCount,
  };
}

/**
 * Validated read-all options with defaults applied.
 *
 * @example
 * ```ts
 * const o: ParsedReadAllOptions = parseReadAllOptions("MyStore.readAll", { after: 10 });
 * ```
 */
export interface ParsedReadAllOptions {
  readonly after: number;
  readonly limit: number | undefined;
  readonly types: readonly string[] | undefined;
}

/**
 * Validates the options of `readAll`, for every adapter alike.
 *
 * @param api - The API name for errors.
 * @param options - The caller's options.
 * @returns The options with `after` defaulted to 0.
 * @throws {@link ValidationError} for unknown keys or bad values.
 * @example
 * ```ts
 * parseReadAllOptions("MyStore.readAll", undefined).after; // 0
 * ```
 */
export function parseReadAllOptions(api: string, options: unknown): ParsedReadAllOptions {
  const parsed = readAllOptionsSchema.safeParse(options);
  if (!parsed.success) throw toValidationError(api, parsed.error.issues);
  const o = parsed.data ?? {};
  return { after: o.after ?? 0, limit: o.limit, types: o.types };
}

function toValidationError(api: string, issues: readonly z.core.$ZodIssue[]): ValidationError {
  return new ValidationError(
    api,
    issues.map((i) => ({ code: i.code, path: ["options", ...i.path], message: i.message })),
  );
}

/**
 * Validates a stream id given to a read, for every adapter alike.
 *
 * @param api - The API name for errors.
 * @param streamId - The caller's stream id.
 * @returns The stream id.
 * @throws {@link ValidationError} for an empty, over-long or NUL-containing id, or a non-string.
 * @example
 * ```ts
 * const id = parseStreamId("MyStore.readStream", streamId);
 * ```
 */
export function parseStreamId(api: string, streamId: unknown): string {
  if (
    typeof streamId === "string" &&
    streamId.length > 0 &&
    streamId.length <= 1000 &&
    !streamId.includes("\u0000") &&
    !/\p{Cs}/u.test(streamId)
  ) {
    return streamId;
  }
  const parsed = streamIdSchema.safeParse(streamId);
  if (parsed.success) return parsed.data;
  throw new ValidationError(api, _zodIssues(parsed.error.issues, ["streamId"]));
}
