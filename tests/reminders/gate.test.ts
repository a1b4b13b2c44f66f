// The one rule for reminder settings (bot/reminders/gate.ts), which the producer and the outbox share.
import { describe, expect, it } from "vitest";
import { gateReminder } from "../../bot/reminders/gate.js";

const pref = (p: Partial<{ muted: boolean; snoozedUntil: string | null; enabled: boolean }>) => ({ muted: false, snoozedUntil: null, enabled: false, ...p });

describe("the reminder gate", () => {
  it("sends by default, and never a muted kind", () => {
    expect(gateReminder("prepare_reminder", undefined, "2026-12-07")).toBe("send");
    expect(gateReminder("prepare_reminder", pref({ muted: true }), "2026-12-07")).toBe("muted");
    expect(gateReminder("prepare_reminder", pref({ muted: true }))).toBe("muted");
  });

  it("holds a snoozed kind until the snooze ends, and sends on the day it ends", () => {
    const snoozed = pref({ snoozedUntil: "2026-12-14" });
    expect(gateReminder("evaluation_due", snoozed, "2026-12-13")).toEqual({ snoozedUntil: "2026-12-14" });
    expect(gateReminder("evaluation_due", snoozed, "2026-12-14")).toBe("send");
    // Asked without a date, only muting counts.
    expect(gateReminder("evaluation_due", snoozed)).toBe("send");
  });

  it("sends the weekly digest only to those who turned it on", () => {
    expect(gateReminder("weekly_digest", undefined, "2026-12-07")).toBe("muted");
    expect(gateReminder("weekly_digest", pref({ enabled: false }), "2026-12-07")).toBe("muted");
    expect(gateReminder("weekly_digest", pref({ enabled: true }), "2026-12-07")).toBe("send");
    expect(gateReminder("weekly_digest", pref({ enabled: true, snoozedUntil: "2026-12-14" }), "2026-12-07")).toEqual({ snoozedUntil: "2026-12-14" });
  });
});
