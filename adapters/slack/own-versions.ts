// The step version a modal carries, mapped forward after a refusal. Storing an invalid answer
// (to show it again) moves the session's version on, but a modal answered with response_action
// "errors" keeps its old private_metadata and its buttons' values. Whatever comes next from that
// same view — a submission, closing it, or a button in it (back, skip, pause) — carries the old
// version: it is ours, not stale, so every modal interaction is mapped forward here.
// (On another instance the map is empty: the teacher then sees the step again, marked stale,
// with everything typed still in it — nothing is lost.)
import type { TurnResult } from "../../bot/channel/types.js";

interface StepStamp {
  stepId: string;
  version: number;
}

export class OwnVersions {
  private readonly views = new Map<string, { stepId: string; from: number; to: number }>();

  /**
   * After a refusal answered with field errors: `carried` is the stamp the view still carries (as
   * Slack sent it, before mapping), the result's step the version the session moved on to.
   */
  note(viewId: string, carried: StepStamp, result: TurnResult): void {
    const step = result.replies.find((r) => r.step)?.step;
    if (!step || step.stepId !== carried.stepId) return;
    if (this.views.size > 10_000) this.views.clear();
    this.views.set(viewId, { stepId: step.stepId, from: carried.version, to: step.version });
  }

  /** The stamp of an interaction from view `viewId`, moved on when the view still carries one we refused. */
  mapForward<T extends StepStamp>(viewId: string | undefined, submission: T | null): T | null {
    const own = viewId === undefined ? undefined : this.views.get(viewId);
    if (!submission || !own || own.stepId !== submission.stepId || own.from !== submission.version) return submission;
    return { ...submission, version: own.to };
  }
}
