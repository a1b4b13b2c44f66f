// The delivery decisions Teams and Slack share, as a pure plan.
import { describe, expect, it } from "vitest";
import { AddressCache, planDelivery, replyParts } from "../../adapters/shared/delivery-plan.js";
import type { BotReply } from "../../bot/channel/types.js";
import { stepView } from "../render/step-view.js";

const step = stepView({ stepId: "goals" });
const next = stepView({ stepId: "when", title: "Wanneer" });
const answered = { stepId: "goals", title: "Doelen", items: [{ label: "Doel", value: "lezen" }] };
const file = { filename: "kindplan.html", contentType: "text/html", content: "<p>" };

describe("replyParts", () => {
  it("sends text, quick actions, a step and files, in that order", () => {
    expect(replyParts({ text: "Hallo" }, false)).toEqual([{ kind: "text", text: "Hallo" }]);
    const actions = [{ label: "Hulp", action: { command: "help" } }];
    expect(replyParts({ text: "Kies", actions }, false)).toEqual([{ kind: "actions", text: "Kies", actions }]);
    expect(replyParts({ text: "Daar gaan we", step, attachments: [file] }, false)).toEqual([
      { kind: "text", text: "Daar gaan we" },
      { kind: "step", step },
      { kind: "file", file },
    ]);
    expect(replyParts({ text: "" }, false)).toEqual([]);
  });

  it("puts a step in the text when the teacher is typing, one question at a time", () => {
    const parts = replyParts({ text: "Opgeslagen.", step }, true);
    expect(parts).toHaveLength(1);
    expect(parts[0]).toMatchObject({ kind: "text", text: expect.stringMatching(/^Opgeslagen\.\n\n/) });
    expect(parts[0]!.kind === "text" && parts[0]!.text).toContain("Label shortText");
  });
});

describe("planDelivery", () => {
  it("replaces the answered card with its summary and still sends the reply", () => {
    const plan = planDelivery([{ text: "", answered, step: next }], { stepsAsText: false, answered: { stepId: "goals" } });
    expect(plan).toEqual([{ parts: [{ kind: "step", step: next }], replace: { kind: "summary", answered } }]);
  });

  it("replaces the answered card with the same step when it comes back with errors", () => {
    const again = { ...step, errors: ["Vul een doel in."] };
    const plan = planDelivery([{ text: "", step: again }], { stepsAsText: false, answered: { stepId: "goals" } });
    expect(plan[0]!.replace).toEqual({ kind: "step", step: again });
  });

  it("replaces at most once, and nothing without an answered card", () => {
    const replies: BotReply[] = [
      { text: "", answered, step: next },
      { text: "", answered, step: next },
    ];
    expect(planDelivery(replies, { stepsAsText: false, answered: { stepId: "goals" } }).map((p) => p.replace?.kind)).toEqual(["summary", undefined]);
    expect(planDelivery(replies, { stepsAsText: false }).map((p) => p.replace)).toEqual([undefined, undefined]);
    // Another step is not the answered one.
    expect(planDelivery([{ text: "", step: next }], { stepsAsText: false, answered: { stepId: "goals" } })[0]!.replace).toBeUndefined();
  });
});

describe("AddressCache", () => {
  it("stores an address once, and tries again after a failure", async () => {
    const cache = new AddressCache();
    const outcomes = [false, true, true];
    let calls = 0;
    const store = async () => outcomes[calls++]!;
    await cache.remember("T1:U1", store);
    await cache.remember("T1:U1", store);
    await cache.remember("T1:U1", store);
    expect(calls).toBe(2);
  });
});
