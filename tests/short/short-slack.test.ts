// The short way through the Slack adapter's real routes (signed requests, the fake Web API): a
// middenbouw conversation with one goal and one agreement in at most 3 modal submits and 6 typed
// fields; a bad field comes back as Slack field errors, with the modal keeping what was typed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app.js";
import { FakeSlackApi } from "../support/fake-slack-api.js";
import { SlackSimulator } from "../support/slack-requests.js";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { testProvider } from "../support/test-db.js";
import { localDate } from "../../bot/domain/local-time.js";
import { fillModal, SlackTeacher, type View } from "../slack/slack-driver.js";
import { weekdayAhead } from "../support/dialog-driver.js";
import { makeGroup, makePupil, makeStaff } from "../support/fixtures.js";
import { addHoliday, modalState, typedInModal } from "./counting.js";

const TEAM = "T0SHORTWAY";
const SECRET = "short-way-signing-secret-0123456789";
const TOKEN = "xoxb-short-way-test";
const today = localDate(new Date(), "Europe/Amsterdam");
const MAX_SUBMITS = 3;
const MAX_TYPED = 6;

let app: TestApp;
const fake = new FakeSlackApi(TOKEN);
let sim: SlackSimulator;
let schoolId: string;
let n = 0;

beforeAll(async () => {
  await fake.start();
  app = await startTestApp({ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: fake.url });
  const setup = await applySchoolSetup(app.database.db, {
    school: { name: "Korte Slackschool", slackTeamIds: [TEAM] },
    schoolYear: "2026-2027",
    staff: [{ email: "ib.slack@school.example", name: "IB Slack", roles: ["ib"] }],
    groups: [],
  });
  schoolId = setup.schoolId;
  sim = new SlackSimulator(`${app.baseUrl}/slack/events`, SECRET, fake, () => app.settled());
});
afterAll(async () => {
  await app?.stop();
  await fake.stop();
});

/** A teacher of a groep 4 of their own, with their own pupil Otis. */
async function newTeacher() {
  const i = ++n;
  const who = { userId: `U0SHORT${i}`, teamId: TEAM, email: `slack.kort${i}@school.example` };
  fake.users.set(who.userId, { id: who.userId, teamId: TEAM, email: who.email });
  const group = await makeGroup(app.database.db, schoolId, `groep 4${String.fromCharCode(96 + i)}`, "middenbouw");
  const staff = await makeStaff(app.database.db, schoolId, { email: who.email, groups: [group.id] });
  const pupil = await makePupil(app.database.db, schoolId, group.id, "Otis");
  return { juf: new SlackTeacher(who, sim, fake, today), staffId: staff.id, pupilId: pupil.id };
}

/** The DM message's ts, as the fake Web API stored it. */
const messageTs = (args: Record<string, unknown>) => fake.messages.filter((m) => m.channel === args.channel && m.text === args.text).at(-1)!.ts;
/** "werkwijze kort", waited for: a slash command is answered after its ack. */
async function chooseShort(juf: SlackTeacher) {
  const { since } = await juf.command("werkwijze kort");
  await juf.dmContaining("Onthouden", since);
}
const stepOf = (view: View) => (JSON.parse(view.private_metadata) as { stepId: string }).stepId;
const updated = (view: View, ack: Record<string, unknown> | null): View => {
  const stored = fake.applyViewUpdate(view.id, ack!.view as Record<string, unknown>);
  return { ...(ack!.view as View), id: stored.id, hash: stored.hash };
};
/** A Saturday about three weeks ahead. */
function weekendAhead(from: string): string {
  const date = new Date(`${weekdayAhead(from, 21)}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + ((6 - date.getUTCDay() + 7) % 7));
  return date.toISOString().slice(0, 10);
}
/** The modal's back button pressed, with `values` in its inputs; the modal as Slack then shows it. */
async function pressBack(juf: SlackTeacher, view: View, values: Record<string, Record<string, unknown>>): Promise<View> {
  const back = view.blocks.flatMap((b) => (b as { elements?: Array<Record<string, unknown>> }).elements ?? []).find((e) => e.action_id === "gw_step_back")!;
  const before = fake.calls.length;
  await sim.interaction(sim.blockActions(juf.who, { type: "button", action_id: back.action_id, value: back.value }, { view: { ...view, state: { values } } }));
  const update = await fake.waitFor((c) => c.method === "views.update" && c.result === "ok", before);
  return { ...(update.args.view as View), id: view.id, hash: fake.views.get(view.id)!.hash };
}

describe(`the short way through Slack on ${testProvider()}`, () => {
  it("records a middenbouw conversation with one goal and one agreement in at most 3 submits and 6 typed fields", async () => {
    const { juf, pupilId, staffId } = await newTeacher();
    let submits = 0;
    let typed = 0;
    await chooseShort(juf);
    const { since } = await juf.command("gesprek Otis");
    let view = await juf.openedModal(since);
    expect(stepOf(view)).toBe("kaart");
    const jots = { goalWords: "de tafel van 6 zonder fouten opzeggen", agreementWords: "oefent elke dag 5 minuten met flitskaarten" };
    let state = modalState(view.blocks, jots);
    typed += typedInModal(view.blocks, state);
    submits++;
    view = updated(view, await juf.submit(view, state));
    expect(stepOf(view)).toBe("record");
    expect(JSON.stringify(view.blocks)).toContain("de tafel van 6 zonder fouten opzeggen");
    state = modalState(view.blocks, {
      successCriteria: "Otis zegt de tafel van 6 op zonder fouten",
      evaluationDate: weekdayAhead(today, 21),
      when: "elke dag na de pauze",
    });
    typed += typedInModal(view.blocks, state);
    submits++;
    const ack = await juf.submit(view, state);
    expect(ack === null || ack.response_action === "clear").toBe(true);
    expect(submits).toBeLessThanOrEqual(MAX_SUBMITS);
    expect(typed).toBeLessThanOrEqual(MAX_TYPED);

    const stored = await app.database.db.conversation.findFirst({ where: { pupilId, status: "held" }, include: { goals: true, agreements: true } });
    expect(stored?.goals.map((g) => [g.goalText, g.successCriteria, g.evaluationDate, g.evaluatorId])).toEqual([
      ["de tafel van 6 zonder fouten opzeggen", "Otis zegt de tafel van 6 op zonder fouten", weekdayAhead(today, 21), staffId],
    ]);
    expect(stored?.agreements.map((a) => [a.who, a.what, a.whenText])).toEqual([
      ["Otis", "oefent elke dag 5 minuten met flitskaarten", "elke dag na de pauze"],
    ]);
  });

  it("a first-time teacher closes the step modal, takes the offer's button in the DM and records the short way in 3 submits", async () => {
    const { juf, pupilId } = await newTeacher();
    let submits = 0;
    let { since } = await juf.command("gesprek Otis");
    const stepModal = await juf.openedModal(since);
    expect(stepOf(stepModal)).not.toBe("kaart");
    const offer = await juf.dmContaining("Kort werken", since);
    // Closing the modal to reach the DM pauses the dialog (with its empty fields).
    await sim.interaction({ ...sim.viewSubmission(juf.who, { ...stepModal, state: { values: modalState(stepModal.blocks) } }), type: "view_closed" });
    const button = (offer.args.blocks as Array<{ elements?: Array<Record<string, unknown>> }>)
      .flatMap((b) => b.elements ?? [])
      .find((e) => JSON.stringify(e.text).includes("Kort werken"))!;
    since = fake.calls.length;
    submits++;
    await sim.interaction(
      sim.blockActions(
        juf.who,
        { type: "button", action_id: button.action_id, value: button.value },
        { message: { channel: juf.dmChannel, ts: messageTs(offer.args) } },
      ),
    );
    let view = await juf.openedModal(since);
    expect(stepOf(view)).toBe("kaart");
    submits++;
    view = updated(
      view,
      await juf.submit(view, modalState(view.blocks, { goalWords: "de tafel van 6 kennen", agreementWords: "oefent elke dag met flitskaarten" })),
    );
    submits++;
    const ack = await juf.submit(
      view,
      modalState(view.blocks, { successCriteria: "Otis zegt de tafel op", evaluationDate: weekdayAhead(today, 21), when: "elke dag na de pauze" }),
    );
    expect(ack === null || ack.response_action === "clear").toBe(true);
    expect(submits).toBeLessThanOrEqual(MAX_SUBMITS);
    const goals = await app.database.db.goal.findMany({ where: { pupilId } });
    expect(goals.map((g) => g.goalText)).toEqual(["de tafel van 6 kennen"]);
  });

  it("answers a holiday date and an empty goal with field errors, and keeps what was typed", async () => {
    const { juf, pupilId, staffId } = await newTeacher();
    await chooseShort(juf);
    const { since } = await juf.command("gesprek Otis");
    let view = await juf.openedModal(since);
    expect(stepOf(view)).toBe("kaart");
    view = updated(view, await juf.submit(view, modalState(view.blocks)));
    const holiday = await addHoliday(app.database.db, schoolId, today);
    const typedIn = {
      successCriteria: "Otis zegt de tafel op",
      evaluationDate: holiday,
      what: "oefent elke dag met flitskaarten",
      when: "elke dag na de pauze",
    };
    const ack = await juf.submit(view, modalState(view.blocks, typedIn));
    expect(ack?.response_action).toBe("errors");
    const errors = ack!.errors as Record<string, string>;
    expect(errors.f_goalText).toContain("Doel later");
    expect(errors.f_evaluationDate).toContain("Studiedag");
    // Slack keeps the modal as it was (with what was typed); the draft holds it too.
    const session = await app.database.db.dialogSession.findFirstOrThrow({ where: { status: "active", kind: "conversation", staffId } });
    expect(JSON.stringify(session.answers) + JSON.stringify(session.rawInputs)).toContain("oefent elke dag met flitskaarten");
    const fixed = await juf.submit(view, modalState(view.blocks, { ...typedIn, goalText: "de tafel van 6 kennen", evaluationDate: weekdayAhead(today, 21) }));
    expect(fixed === null || fixed.response_action === "clear").toBe(true);
    const goals = await app.database.db.goal.findMany({ where: { pupilId } });
    expect(goals.map((g) => g.goalText)).toEqual(["de tafel van 6 kennen"]);
  });

  it("going back after field errors (a weekend date) reaches the conversation card, keeping what was typed in the modal", async () => {
    const { juf, pupilId } = await newTeacher();
    await chooseShort(juf);
    const { since } = await juf.command("gesprek Otis");
    let view = await juf.openedModal(since);
    view = updated(view, await juf.submit(view, modalState(view.blocks, { goalWords: "de tafel van 6 kennen", agreementWords: "oefent met flitskaarten" })));
    expect(stepOf(view)).toBe("record");
    const typedIn = { successCriteria: "Otis zegt de tafel op", evaluationDate: weekendAhead(today), when: "elke dag na de pauze" };
    const refused = await juf.submit(view, modalState(view.blocks, typedIn));
    expect(refused?.response_action).toBe("errors");
    expect((refused!.errors as Record<string, string>).f_evaluationDate).toBeTruthy();
    // Slack keeps the refused modal as it was: its private_metadata and buttons are the ones it opened
    // with. She changes a field after the refusal and presses back.
    const shown = await pressBack(juf, view, modalState(view.blocks, { ...typedIn, when: "elke ochtend voor de kring" }));
    expect(stepOf(shown)).toBe("kaart");
    expect(JSON.stringify(shown.blocks)).not.toContain("niet meer actueel");
    // What was in the record modal when she went back is there again when she goes forward.
    const again = updated(shown, await juf.submit(shown, modalState(shown.blocks)));
    expect(stepOf(again)).toBe("record");
    const prefilled = modalState(again.blocks);
    expect(prefilled.f_successCriteria?.value).toEqual({ type: "plain_text_input", value: "Otis zegt de tafel op" });
    expect(prefilled.f_when?.value).toEqual({ type: "plain_text_input", value: "elke ochtend voor de kring" });
    const ack = await juf.submit(again, modalState(again.blocks, { evaluationDate: weekdayAhead(today, 21) }));
    expect(ack === null || ack.response_action === "clear").toBe(true);
    const stored = await app.database.db.conversation.findFirst({ where: { pupilId, status: "held" }, include: { goals: true, agreements: true } });
    expect(stored?.goals.map((g) => g.successCriteria)).toEqual(["Otis zegt de tafel op"]);
    expect(stored?.agreements.map((a) => a.whenText)).toEqual(["elke ochtend voor de kring"]);
  });

  it("step by step too: going back after two refused submits reaches the step before, keeping what was typed", async () => {
    const { juf, staffId } = await newTeacher();
    const { since } = await juf.command("gesprek Otis");
    let view = await juf.openedModal(since);
    for (let i = 0; i < 20 && stepOf(view) !== "goal1check"; i++) view = updated(view, await juf.submit(view, fillModal(view, today)));
    expect(stepOf(view)).toBe("goal1check");
    // Refused twice (each refusal moves the session on; the modal keeps its first stamp).
    const saturday = weekendAhead(today);
    for (const successCriteria of ["Otis zegt de tafel op", "Otis zegt de tafel van 6 op"]) {
      const refused = await juf.submit(view, fillModal(view, today, { successCriteria, evaluationDate: saturday }));
      expect(refused?.response_action).toBe("errors");
    }
    // Back with the criteria changed once more (the refused date still in the modal, so the step stays open).
    const typedIn = { successCriteria: "Otis zegt de tafel van 6 op zonder fouten", evaluationDate: saturday };
    const shown = await pressBack(juf, view, fillModal(view, today, typedIn));
    expect(stepOf(shown)).toBe("goal1help");
    expect(JSON.stringify(shown.blocks)).not.toContain("niet meer actueel");
    // What was in the modal went along with back: the draft holds it.
    const session = await app.database.db.dialogSession.findFirstOrThrow({ where: { status: "active", kind: "conversation", staffId } });
    const draft = JSON.parse(session.answers) as Record<string, Record<string, unknown>>;
    expect(draft.goal1check).toMatchObject(typedIn);
    // Going forward, the goal check (its refused date still in it) is not passed over.
    const again = updated(shown, await juf.submit(shown, fillModal(shown, today)));
    expect(stepOf(again)).toBe("goal1check");
    expect(modalState(again.blocks).f_successCriteria?.value).toEqual({ type: "plain_text_input", value: typedIn.successCriteria });
  });

  it("after going back to the conversation card, the record modal takes its new words where the teacher had not changed them", async () => {
    const { juf, pupilId } = await newTeacher();
    await chooseShort(juf);
    const { since } = await juf.command("gesprek Otis");
    let view = await juf.openedModal(since);
    view = updated(view, await juf.submit(view, modalState(view.blocks, { goalWords: "de tafel van 6 kennen", agreementWords: "oefent met flitskaarten" })));
    expect(stepOf(view)).toBe("record");
    // Back, with her own goal text typed: the modal's inputs go along as shown (the prefilled agreement too) and are kept.
    const own = modalState(view.blocks, { goalText: "ik wil de tafel van 6 zonder fouten opzeggen", successCriteria: "Otis zegt de tafel op" });
    const back = view.blocks.flatMap((b) => (b as { elements?: Array<Record<string, unknown>> }).elements ?? []).find((e) => e.action_id === "gw_step_back")!;
    const before = fake.calls.length;
    await sim.interaction(
      sim.blockActions(juf.who, { type: "button", action_id: back.action_id, value: back.value }, { view: { ...view, state: { values: own } } }),
    );
    const update = await fake.waitFor((c) => c.method === "views.update" && c.result === "ok", before);
    view = { ...(update.args.view as View), id: view.id, hash: fake.views.get(view.id)!.hash };
    expect(stepOf(view)).toBe("kaart");
    const newJots = { goalWords: "de tafel van 7 kennen", agreementWords: "elke dag 5 minuten tafelkaartjes oefenen met Boaz" };
    view = updated(view, await juf.submit(view, modalState(view.blocks, newJots)));
    const shown = modalState(view.blocks);
    expect(shown.f_what?.value).toEqual({ type: "plain_text_input", value: "elke dag 5 minuten tafelkaartjes oefenen met Boaz" });
    expect(shown.f_goalText?.value).toEqual({ type: "plain_text_input", value: "ik wil de tafel van 6 zonder fouten opzeggen" });
    const ack = await juf.submit(view, modalState(view.blocks, { evaluationDate: weekdayAhead(today, 21), when: "elke dag na de pauze" }));
    expect(ack === null || ack.response_action === "clear").toBe(true);
    const stored = await app.database.db.conversation.findFirst({ where: { pupilId, status: "held" }, include: { goals: true, agreements: true } });
    expect(stored?.agreements.map((a) => a.what)).toEqual(["elke dag 5 minuten tafelkaartjes oefenen met Boaz"]);
    expect(stored?.goals.map((g) => g.goalText)).toEqual(["ik wil de tafel van 6 zonder fouten opzeggen"]);
  });
});
