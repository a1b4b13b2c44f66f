// Slack acknowledges first and works after (replies, modals, Home): the HTTP response says
// nothing about when that work is done. Bolt hands every request to App.processEvent, which
// resolves only when all listeners have finished; tracking those promises gives a "turn settled"
// signal (tests wait on it instead of sleeping). A debounced Home refresh is not included.
import { App, type ReceiverEvent } from "@slack/bolt";

export class PendingWork {
  private readonly pending = new Set<Promise<unknown>>();

  track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    const done = () => this.pending.delete(work);
    work.then(done, done);
    return work;
  }

  /** Resolves once no tracked work is left, including work that started while waiting. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}

/** A Bolt App whose request work is tracked; processEvent is called before the ack is sent. */
export class TrackedApp extends App {
  readonly work = new PendingWork();

  override processEvent(event: ReceiverEvent): Promise<void> {
    return this.work.track(super.processEvent(event));
  }
}
