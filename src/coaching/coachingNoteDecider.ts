import type { Decider } from "../core/index.ts";
import type { CoachingNoteCommand } from "./commands.ts";
import type { CoachingNoteEvent } from "./events.ts";
import { requireCoachingRule } from "./rules.ts";

const D = "coachingNote";

/**
 * The state of a coaching note: recorded or not, and its follow-up (none, pending or done).
 *
 * @example
 * ```ts
 * const s: CoachingNoteState = { status: "recorded", noteId: "n1", followUp: "pending" };
 * ```
 */
export type CoachingNoteState =
  | { readonly status: "none" }
  | { readonly status: "recorded"; readonly noteId: string; readonly followUp: "none" | "pending" | "done" };

/**
 * The stream of a coaching note.
 *
 * @param noteId - The note.
 * @returns `coaching-note-<noteId>`.
 * @example
 * ```ts
 * coachingNoteStreamId("n1"); // "coaching-note-n1"
 * ```
 */
export function coachingNoteStreamId(noteId: string): string {
  return `coaching-note-${noteId}`;
}

/**
 * The decider of a coaching note (one stream each): a note by a coach linked to at least one of a rep, a KPI or a
 * deal, with an optional follow-up date, and the follow-up marked done once.
 *
 * @example
 * ```ts
 * const notes = createCommandHandler({ store, decider: coachingNoteDecider, commands: coachingNoteCommand });
 * await notes.handle(coachingNoteStreamId("n1"), { type: "RecordCoachingNote", data: { noteId: "n1", coachId: "mgr-li", links: { repId: "rep-bo" }, note: "Ask for budget earlier" } });
 * ```
 */
export const coachingNoteDecider: Decider<CoachingNoteCommand, CoachingNoteEvent, CoachingNoteState> = {
  name: D,
  version: "1",
  initialState: () => ({ status: "none" }),
  evolve: (state, event) => {
    switch (event.type) {
      case "CoachingNoteRecorded":
        return {
          status: "recorded",
          noteId: event.data.noteId,
          followUp: event.data.followUpOn === undefined ? "none" : "pending",
        };
      case "CoachingFollowUpDone":
        return state.status === "recorded" ? { ...state, followUp: "done" } : state;
      default: {
        const _exhaustive: never = event;
        return state;
      }
    }
  },
  decide: (command, state, { now }) => {
    if (command.type === "RecordCoachingNote") {
      const d = command.data;
      requireCoachingRule(state.status === "none", "note_already_recorded", `${D}: ${d.noteId} exists`, {
        noteId: d.noteId,
      });
      const links = Object.fromEntries(Object.entries(d.links).filter(([, v]) => v !== undefined));
      requireCoachingRule(
        Object.keys(links).length > 0,
        "note_link_required",
        `${D}: link the note to a rep, a KPI or a deal`,
        { noteId: d.noteId },
      );
      const { followUpOn, ...rest } = d;
      return [
        {
          type: "CoachingNoteRecorded",
          data: { ...rest, links, ...(followUpOn === undefined ? {} : { followUpOn }), recordedAt: now },
        },
      ];
    }
    requireCoachingRule(state.status === "recorded", "note_not_found", `${D}: the note was never recorded`);
    requireCoachingRule(state.followUp !== "none", "no_follow_up", `${D}: ${state.noteId} has no follow-up`, {
      noteId: state.noteId,
    });
    requireCoachingRule(
      state.followUp === "pending",
      "follow_up_already_done",
      `${D}: the follow-up of ${state.noteId} is done`,
      { noteId: state.noteId },
    );
    return [{ type: "CoachingFollowUpDone", data: { noteId: state.noteId, ...command.data } }];
  },
};
