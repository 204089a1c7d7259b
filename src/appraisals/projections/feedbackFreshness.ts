import {
  calendarDateOf,
  createEventCatalog,
  defineProjection,
  diffCalendarDays,
  type EventCatalog,
  isCalendarDate,
  isTimeZone,
  type Projection,
  ValidationError,
} from "../../core/index.ts";
import { CoachingNoteRecorded, type MeetingKind, MeetingHeld, MeetingSeriesCreated } from "../../coaching/events.ts";
import { FeedbackSubmitted } from "../events.ts";

/**
 * The events feedback freshness folds: manager and peer feedback in review cycles, coaching notes about a rep, and
 * 1:1 meetings (the rep other than the series owner receives feedback).
 *
 * @example
 * ```ts
 * feedbackSourceEvents.types; // ["FeedbackSubmitted", "CoachingNoteRecorded", "MeetingSeriesCreated", "MeetingHeld"]
 * ```
 */
export const feedbackSourceEvents = /* @__PURE__ */ createEventCatalog([
  FeedbackSubmitted,
  CoachingNoteRecorded,
  MeetingSeriesCreated,
  MeetingHeld,
]);

/**
 * An event {@link feedbackSourceEvents} lists.
 *
 * @example
 * ```ts
 * const e: FeedbackSourceEvent = { type: "MeetingSeriesCreated", data: { seriesId: "1on1-bo", kind: "one_on_one", title: "Bo", ownerId: "mgr-li", attendees: ["mgr-li", "rep-bo"], createdAt: "2026-07-01T09:00:00.000Z" } };
 * ```
 */
export type FeedbackSourceEvent = typeof feedbackSourceEvents extends EventCatalog<infer E> ? E : never;

/**
 * The state of a feedback freshness projection: each rep's last feedback day (in the projection's time zone) and
 * what it was.
 *
 * @example
 * ```ts
 * state.last["rep-ana"]; // { on: "2026-07-06", source: "one_on_one" }
 * ```
 */
export interface FeedbackFreshnessState {
  readonly last: Record<string, { on: string; source: "review_feedback" | "coaching_note" | "one_on_one" }>;
  readonly series: Record<string, { kind: MeetingKind; ownerId: string }>;
}

/**
 * Creates the feedback freshness projection: the last day each rep received feedback (manager or peer review
 * feedback, a coaching note linked to them, a 1:1 with the series owner). Instants become days in `timeZone`.
 * Read it with {@link staleFeedback}.
 *
 * @param options - The business time zone.
 * @returns The projection.
 * @throws {@link ValidationError} `invalid_time_zone`.
 * @example
 * ```ts
 * const freshness = createFeedbackFreshnessProjection({ timeZone: "Asia/Shanghai" });
 * staleFeedback(fold(freshness, events), { asOf: "2026-07-20", maxAgeDays: 14, repIds: ["rep-ana", "rep-bo"] });
 * ```
 */
export function createFeedbackFreshnessProjection(options: {
  readonly timeZone: string;
}): Projection<FeedbackSourceEvent, FeedbackFreshnessState> {
  if (!isTimeZone(options?.timeZone)) {
    throw new ValidationError("createFeedbackFreshnessProjection", [
      { code: "invalid_time_zone", path: ["timeZone"], message: "expected an IANA time zone" },
    ]);
  }
  const tz = options.timeZone;
  const touch = (
    s: FeedbackFreshnessState,
    repId: string,
    on: string,
    source: FeedbackFreshnessState["last"][string]["source"],
  ) => {
    const prev = s.last[repId];
    if (prev === undefined || on >= prev.on) s.last[repId] = { on, source };
  };
  return defineProjection({
    name: "appraisals.feedbackFreshness",
    events: feedbackSourceEvents,
    initialState: (): FeedbackFreshnessState => ({ last: {}, series: {} }),
    handlers: {
      FeedbackSubmitted: (s, e) => {
        if (e.data.kind !== "self") touch(s, e.data.repId, calendarDateOf(e.data.submittedAt, tz), "review_feedback");
      },
      CoachingNoteRecorded: (s, e) => {
        const repId = e.data.links.repId;
        if (repId !== undefined) touch(s, repId, calendarDateOf(e.data.recordedAt, tz), "coaching_note");
      },
      MeetingSeriesCreated: (s, e) => {
        s.series[e.data.seriesId] = { kind: e.data.kind, ownerId: e.data.ownerId };
      },
      MeetingHeld: (s, e) => {
        const series = s.series[e.data.seriesId];
        if (series?.kind !== "one_on_one") return;
        for (const a of e.data.attendees) if (a !== series.ownerId) touch(s, a, e.data.heldOn, "one_on_one");
      },
    },
  });
}

/**
 * A rep whose feedback is stale.
 *
 * @example
 * ```ts
 * const s: StaleFeedback = { repId: "rep-bo", lastFeedbackOn: "2026-06-20", ageDays: 30 };
 * ```
 */
export interface StaleFeedback {
  readonly repId: string;
  /** The last feedback day, or `null` when the rep never received any. */
  readonly lastFeedbackOn: string | null;
  /** Days since then, or `null` when never. */
  readonly ageDays: number | null;
}

/**
 * The reps whose last feedback is older than `maxAgeDays` on `asOf` (age = days from the last feedback day to
 * `asOf`; stale when age > maxAgeDays), and those never given feedback, oldest first.
 *
 * @param state - A feedback freshness state.
 * @param options - The day, the maximum age in days and the reps to check (the team's roster).
 * @returns The stale reps.
 * @throws {@link ValidationError} `invalid_calendar_date`, `invalid_days`.
 * @example
 * ```ts
 * staleFeedback(state, { asOf: "2026-07-20", maxAgeDays: 14, repIds: ["rep-ana", "rep-bo"] }); // [{ repId: "rep-bo", … }]
 * ```
 */
export function staleFeedback(
  state: FeedbackFreshnessState,
  options: { readonly asOf: string; readonly maxAgeDays: number; readonly repIds: readonly string[] },
): StaleFeedback[] {
  if (!isCalendarDate(options.asOf) || !Number.isSafeInteger(options.maxAgeDays) || options.maxAgeDays < 0) {
    throw new ValidationError("staleFeedback", [
      isCalendarDate(options.asOf)
        ? { code: "invalid_days", path: ["maxAgeDays"], message: "a non-negative whole number of days" }
        : { code: "invalid_calendar_date", path: ["asOf"], message: "expected YYYY-MM-DD" },
    ]);
  }
  const out: StaleFeedback[] = [];
  for (const repId of [...new Set(options.repIds)].sort()) {
    const last = state.last[repId];
    if (last === undefined) {
      out.push({ repId, lastFeedbackOn: null, ageDays: null });
      continue;
    }
    const age = diffCalendarDays(last.on, options.asOf);
    if (age > options.maxAgeDays) out.push({ repId, lastFeedbackOn: last.on, ageDays: age });
  }
  const age = (x: StaleFeedback) => x.ageDays ?? Number.MAX_SAFE_INTEGER;
  return out.sort((a, b) => age(b) - age(a) || (a.repId < b.repId ? -1 : 1));
}
