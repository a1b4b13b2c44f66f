// Number fields in text mode: "Hoe lang (minuten)?" answered with its unit, as teachers type it.
import { describe, expect, it } from "vitest";
import { parseDate, parseFieldInput } from "../../dialogs/engine/parse-field.js";
import { field } from "../../dialogs/flows/field.js";
import { localized } from "../../bot/i18n/translate.js";

const CTX = { today: "2026-12-02" };
const minutes = field({ id: "minutes", kind: "number", unit: "minutes", label: { nl: "Hoe lang (minuten)?", en: "How long (minutes)?" }, min: 3, max: 90 });
const weeks = field({ id: "evaluationWeeks", kind: "number", label: { nl: "Na hoeveel weken?", en: "After how many weeks?" }, min: 1, max: 12 });

describe("a number field", () => {
  it("accepts minutes written after the number", () => {
    for (const typed of ["15 min", "15 min.", "15 minuten", "15 minutes", "15 mins", "15min", "15 Min"]) {
      expect(parseFieldInput(minutes, typed, CTX), typed).toEqual({ ok: true, value: 15 });
    }
    expect(parseFieldInput(minutes, "7,5 minuten", CTX)).toEqual({ ok: true, value: 7.5 });
  });

  it("still reads plain numbers", () => {
    expect(parseFieldInput(minutes, " 15 ", CTX)).toEqual({ ok: true, value: 15 });
    expect(parseFieldInput(minutes, 20, CTX)).toEqual({ ok: true, value: 20 });
  });

  it("still checks the range with a unit", () => {
    expect(parseFieldInput(minutes, "2 min", CTX)).toEqual({ ok: false, error: localized("engine.numberRange", { min: 3, max: 90 }) });
  });

  it("refuses other units and a unit without a number", () => {
    for (const typed of ["15 uur", "1 hour", "15 sec", "min", "minuten", "15 minuten lang", "een kwartier"]) {
      expect(parseFieldInput(minutes, typed, CTX), typed).toEqual({ ok: false, error: localized("engine.notANumber") });
    }
  });
});

describe("a date field", () => {
  const date = field({ id: "date", kind: "date", label: { nl: "Datum", en: "Date" }, required: true });

  it("reads the new forms through parseFieldInput and the re-exported parseDate", () => {
    expect(parseFieldInput(date, "dinsdag 12 januari", CTX)).toEqual({ ok: true, value: "2027-01-12" });
    expect(parseFieldInput(date, "maandag 12 januari", CTX).ok).toBe(false);
    expect(parseDate("over twee weken", CTX.today)).toBe("2026-12-16");
  });

  it("takes the unit only on a field in minutes: '4 min' is no number of weeks", () => {
    expect(parseFieldInput(weeks, "4 min", CTX)).toEqual({ ok: false, error: localized("engine.notANumber") });
    expect(parseFieldInput(weeks, "4", CTX)).toEqual({ ok: true, value: 4 });
  });
});
