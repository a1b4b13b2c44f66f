// The commands a simulated teacher (and the world around them) gives, as plain data: a failing
// sequence prints as a readable list and can be kept as a fixed regression case. What a command
// means concretely (which field, which values) is decided when it runs, from the model's state.
import fc from "fast-check";

export const FLOWS = [
  "voorbereiden",
  "gesprek-onderbouw",
  "gesprek-middenbouw",
  "gesprek-bovenbouw",
  "gesprek-na-voorbereiding",
  "notitie",
  "evalueren",
] as const;
export type FlowName = (typeof FLOWS)[number];

export const CONTROL_WORDS = [
  "terug",
  "vorige",
  "back",
  "overslaan",
  "skip",
  "pauze",
  "later",
  "stop",
  "stoppen",
  "annuleren",
  "help",
  "hulp",
  "verder",
  "resume",
] as const;

export type CardAction = "submit" | "back" | "skip" | "pause" | "cancel";

/** How a card's inputs are filled: all valid; one required field emptied; optional ones left empty. */
export type Fill = "valid" | "requiredEmpty" | "optionalEmpty";

/** Which card: the current step (as if just shown), the last one shown, or any older one. */
export type CardView = "current" | "shown" | "old";

export type Cmd =
  | { c: "start"; flow: FlowName; pick: number }
  /** A typed answer to the field asked (or being changed); `times` deliveries of the same message. */
  | { c: "type"; pick: number; times: number }
  | { c: "typeInvalid"; pick: number }
  | { c: "typeEmpty" }
  | { c: "ok" }
  | { c: "card"; action: CardAction; pick: number; fill: Fill; view: CardView; times: number; twice: boolean }
  /** Another teacher submits a card for this teacher's dialog (or a malformed payload arrives). */
  | { c: "foreign"; pick: number; malformed: boolean }
  | { c: "word"; word: (typeof CONTROL_WORDS)[number]; times: number }
  | { c: "edit"; n: number }
  /** Typed text that reads as a bot command, mid-dialog. */
  | { c: "command"; pick: number }
  /** An answer to the question the dialog asked (stop? a command?), typed. */
  | { c: "reply"; pick: number; times: number }
  | { c: "resume"; pick: number }
  /** The process restarts: a new core on the same database. */
  | { c: "restart" }
  /** Literal text typed (fixed regression cases only); `value`: what it means as an answer, if not plain. */
  | { c: "say"; text: string; value?: string | number | boolean | string[] | "invalid" };

const pick = fc.nat({ max: 1_000_000 });
const times = fc.oneof({ weight: 8, arbitrary: fc.constant(1) }, { weight: 2, arbitrary: fc.integer({ min: 2, max: 3 }) });

export const flowArb: fc.Arbitrary<FlowName> = fc.constantFrom(...FLOWS);

const cardArb: fc.Arbitrary<Cmd> = fc.record({
  c: fc.constant("card" as const),
  action: fc.oneof(
    { weight: 12, arbitrary: fc.constant<CardAction>("submit") },
    { weight: 2, arbitrary: fc.constantFrom<CardAction>("back", "skip", "pause") },
    { weight: 1, arbitrary: fc.constant<CardAction>("cancel") },
  ),
  pick,
  fill: fc.oneof(
    { weight: 6, arbitrary: fc.constant<Fill>("valid") },
    { weight: 1, arbitrary: fc.constant<Fill>("requiredEmpty") },
    { weight: 2, arbitrary: fc.constant<Fill>("optionalEmpty") },
  ),
  view: fc.oneof(
    { weight: 6, arbitrary: fc.constant<CardView>("current") },
    { weight: 2, arbitrary: fc.constant<CardView>("shown") },
    { weight: 1, arbitrary: fc.constant<CardView>("old") },
  ),
  times,
  twice: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

/** One command, weighted toward answering (cards and typed lines) so dialogs get somewhere. */
export const cmdArb = (flows: fc.Arbitrary<FlowName> = flowArb): fc.Arbitrary<Cmd> =>
  fc.oneof(
    { weight: 28, arbitrary: cardArb },
    { weight: 22, arbitrary: fc.record({ c: fc.constant("type" as const), pick, times }) },
    { weight: 3, arbitrary: fc.record({ c: fc.constant("typeInvalid" as const), pick }) },
    { weight: 3, arbitrary: fc.constant<Cmd>({ c: "typeEmpty" }) },
    { weight: 3, arbitrary: fc.constant<Cmd>({ c: "ok" }) },
    { weight: 9, arbitrary: fc.record({ c: fc.constant("word" as const), word: fc.constantFrom(...CONTROL_WORDS), times }) },
    { weight: 3, arbitrary: fc.record({ c: fc.constant("edit" as const), n: fc.integer({ min: 1, max: 6 }) }) },
    { weight: 3, arbitrary: fc.record({ c: fc.constant("command" as const), pick }) },
    { weight: 8, arbitrary: fc.record({ c: fc.constant("reply" as const), pick, times }) },
    { weight: 3, arbitrary: fc.record({ c: fc.constant("resume" as const), pick }) },
    { weight: 2, arbitrary: fc.record({ c: fc.constant("foreign" as const), pick, malformed: fc.boolean() }) },
    { weight: 4, arbitrary: fc.record({ c: fc.constant("start" as const), flow: flows, pick }) },
    { weight: 1, arbitrary: fc.constant<Cmd>({ c: "restart" }) },
  );

/** A sequence: start a dialog of `flow`, then a run of commands. */
export const sequenceArb = (flow: FlowName, maxLength: number): fc.Arbitrary<Cmd[]> =>
  fc.limitShrink(
    fc.tuple(pick, fc.array(cmdArb(), { minLength: 1, maxLength, size: "max" })).map(([p, rest]): Cmd[] => [{ c: "start", flow, pick: p }, ...rest]),
    // Each shrink replays a sequence on the database: enough to cut a failure down, not hours.
    150,
  );

/** A command as one short line, for failure reports and regression cases. */
export function describeCmd(cmd: Cmd): string {
  return JSON.stringify(cmd);
}
