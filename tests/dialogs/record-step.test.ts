// One submission's effect on a step: a refused answer stays refused, as typed, until it is typed
// again; it is never replaced by the field's default when the step is submitted without it.
import { describe, expect, it } from "vitest";
import { recordStep } from "../../dialogs/engine/record-step.js";
import { field } from "../../dialogs/flows/field.js";
import type { StepDefinition } from "../../dialogs/engine/types.js";

const localized = (nl: string) => ({ nl, en: nl });
const step: StepDefinition = {
  id: "record",
  title: localized("Verslag"),
  fields: [
    field({ id: "goal", kind: "shortText", label: localized("Doel"), required: true }),
    // A suggested evaluation date, as a round prefills it.
    field({ id: "evalDate", kind: "date", label: localized("Evaluatiedatum"), required: true, defaultValue: "2027-01-18" }),
  ],
};
const today = { today: "2026-12-02" };

describe("recording a step", () => {
  it("keeps a refused date refused when the step is submitted without it ('klaar' on a numbered card)", () => {
    // Typed first: "9: 31-02" is no date; it waits as typed, with an error.
    const typed = recordStep({ answers: {}, rawInputs: {} }, step, { goal: "tafels", evalDate: "31-02" }, true, today);
    expect(typed.errors.evalDate).toBeDefined();
    expect(typed.rawInputs.record).toEqual({ evalDate: "31-02" });
    // Then the whole step is submitted without the date: the suggested date must not take its place.
    const submitted = recordStep({ answers: typed.answers, rawInputs: typed.rawInputs }, step, { goal: "tafels" }, false, today);
    expect(submitted.errors.evalDate).toBeDefined();
    expect(submitted.given.evalDate).toBeUndefined();
    expect(submitted.rawInputs.record).toEqual({ evalDate: "31-02" });
  });

  it("still takes the default for a field nobody typed in, and a corrected date over the refused one", () => {
    const fresh = recordStep({ answers: {}, rawInputs: {} }, step, { goal: "tafels" }, false, today);
    expect(fresh.given).toEqual({ goal: "tafels", evalDate: "2027-01-18" });
    const typed = recordStep({ answers: {}, rawInputs: {} }, step, { evalDate: "31-02" }, true, today);
    const fixed = recordStep({ answers: typed.answers, rawInputs: typed.rawInputs }, step, { goal: "tafels", evalDate: "25-01-2027" }, false, today);
    expect(fixed.errors).toEqual({});
    expect(fixed.given.evalDate).toBe("2027-01-25");
    expect(fixed.rawInputs.record).toBeUndefined();
  });
});
