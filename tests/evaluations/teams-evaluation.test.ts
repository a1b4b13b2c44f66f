// Goal evaluations in Microsoft Teams, over HTTP into the running server: the evaluation-due
// message goes out proactively, its button opens the evaluation card, the submitted card is
// stored as an Evaluation; the timeline and the next conversation show it; duo-partners answer
// each other's evaluations; stale and foreign answers change nothing.
import type { CommandAction } from "../../bot/channel/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app.js";
import { FakeConnector, type RecordedActivity } from "../support/fake-connector.js";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { testProvider } from "../support/test-db.js";
import { localDate } from "../../bot/domain/local-time.js";
import { proposedEvaluationDate } from "../../bot/services/evaluations.js";
import { loadSchoolCalendar } from "../../bot/services/school-calendar.js";
import { evaluationDueMessage } from "../../bot/reminders/evaluation-message.js";
import { answerEvaluation, carriesAction, storedEvaluation, type ChannelDriver } from "./channel-scenario.js";
import { makeHeldGoal } from "./fixtures.js";

const TENANT = "11111111-2222-3333-4444-555555555555";
const USERS = {
  alex: { aad: "aaaaaaaa-0000-0000-0000-000000000001", name: "Alex Wilber", email: "alex@school.example" },
  bo: { aad: "aaaaaaaa-0000-0000-0000-000000000002", name: "Bo Duo", email: "bo@school.example" },
  cas: { aad: "aaaaaaaa-0000-0000-0000-000000000003", name: "Cas Achtste", email: "cas@school.example" },
};
type UserKey = keyof typeof USERS;

let app: TestApp;
const connector = new FakeConnector();
let n = 0;
let schoolId = "";
let pupilId = "";
const staffIds = {} as Record<UserKey, string>;
const today = localDate(new Date(), "Europe/Amsterdam");
const conv = (u: UserKey) => `a:personal-${USERS[u].aad}`;

type Card = { body: Array<Record<string, unknown>>; actions?: Array<{ title: string; data: Record<string, unknown> }> };
const cardOf = (a: RecordedActivity): Card | undefined =>
  ((a.activity.attachments as Array<{ contentType: string; content: Card }> | undefined) ?? []).find(
    (x) => x.contentType === "application/vnd.microsoft.card.adaptive",
  )?.content;
const textOf = (sent: RecordedActivity[]) => sent.map((a) => `${a.activity.text ?? ""} ${JSON.stringify(cardOf(a) ?? "")}`).join("\n");
const stepSubmit = (a: RecordedActivity) => cardOf(a)?.actions?.find((x) => x.data?.gw === "step" && x.data.action === "submit")?.data;

function activity(user: UserKey, fields: Record<string, unknown>) {
  const u = USERS[user];
  return {
    type: "message",
    id: `in-${++n}`,
    channelId: "msteams",
    serviceUrl: connector.url,
    timestamp: new Date().toISOString(),
    locale: "nl-NL",
    from: { id: `29:${u.aad}`, name: u.name, aadObjectId: u.aad },
    recipient: { id: "28:gesprekswijzer", name: "Gesprekswijzer" },
    conversation: { id: conv(user), conversationType: "personal", tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    ...fields,
  };
}

async function post(body: unknown): Promise<RecordedActivity[]> {
  const before = connector.activities.length;
  const res = await fetch(`${app.baseUrl}/api/messages`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  expect(res.status).toBeLessThan(300);
  return connector.activities.slice(before);
}

/** Teams as a teacher uses it: buttons, typing, and the step card last shown to each user. */
class TeamsDriver implements ChannelDriver {
  private readonly cards = new Map<string, RecordedActivity>();

  private remember(user: string, sent: RecordedActivity[]): string | null {
    const fresh = [...sent].reverse().find((a) => a.kind !== "update" && stepSubmit(a)) ?? [...sent].reverse().find((a) => stepSubmit(a));
    if (fresh) this.cards.set(user, fresh);
    return fresh ? String(stepSubmit(fresh)!.stepId) : null;
  }

  async press(user: string, action: CommandAction) {
    const sent = await post(activity(user as UserKey, { value: { gw: "act", ...action } }));
    this.remember(user, sent);
    return textOf(sent);
  }

  async type(user: string, text: string) {
    const sent = await post(activity(user as UserKey, { text }));
    this.remember(user, sent);
    return textOf(sent);
  }

  async submitStep(user: string, values: Record<string, string>) {
    const card = this.cards.get(user);
    if (!card) throw new Error(`no step card shown to ${user}`);
    const inputs = Object.fromEntries(Object.entries(values).map(([field, value]) => [`f_${field}`, value]));
    const sent = await post(activity(user as UserKey, { replyToId: card.activityId, value: { ...stepSubmit(card)!, ...inputs } }));
    this.cards.delete(user);
    return { stepId: this.remember(user, sent), text: textOf(sent) };
  }

  /** A step card shown to one user, answered by another (forwarded). */
  async submitAs(owner: string, user: string, values: Record<string, string>) {
    const card = this.cards.get(owner)!;
    const inputs = Object.fromEntries(Object.entries(values).map(([field, value]) => [`f_${field}`, value]));
    return textOf(await post(activity(user as UserKey, { replyToId: card.activityId, value: { ...stepSubmit(card)!, ...inputs } })));
  }
}

const teams = new TeamsDriver();
const newGoal = (goalText?: string) =>
  makeHeldGoal(app.database.db, {
    schoolId,
    pupilId,
    createdById: staffIds.alex,
    evaluatorId: staffIds.alex,
    evaluationDate: today,
    ...(goalText ? { goalText } : {}),
  });

beforeAll(async () => {
  await connector.start();
  for (const u of Object.values(USERS))
    connector.members.set(`29:${u.aad}`, { id: `29:${u.aad}`, name: u.name, aadObjectId: u.aad, email: u.email, userPrincipalName: u.email });
  app = await startTestApp({ TEAMS_LOCAL_MODE: "true" });
  const setup = await applySchoolSetup(app.database.db, {
    school: { name: "Evaluatieschool", teamsTenantIds: [TENANT] },
    schoolYear: "2026-2027",
    staff: Object.values(USERS).map((u) => ({ email: u.email, name: u.name, roles: ["teacher"], teamsAadObjectId: u.aad })),
    groups: [
      { name: "groep 5", teachers: [{ email: USERS.alex.email }, { email: USERS.bo.email }] },
      { name: "groep 8", teachers: [{ email: USERS.cas.email }] },
    ],
  });
  schoolId = setup.schoolId;
  const group = await app.database.db.group.findFirstOrThrow({ where: { schoolId, name: "groep 5" } });
  pupilId = (await app.database.db.pupil.create({ data: { schoolId, groupId: group.id, externalId: "1", firstName: "Sam", lastName: "de Boer" } })).id;
  for (const key of Object.keys(USERS) as UserKey[]) staffIds[key] = (await app.database.db.staff.findFirstOrThrow({ where: { email: USERS[key].email } })).id;
  // Installing the app stores where to reach Alex proactively.
  await post(activity("alex", { type: "installationUpdate", action: "add", text: undefined }));
});
afterAll(async () => {
  await app?.stop();
  await connector.stop();
});

describe(`goal evaluations in Teams on ${testProvider()}`, () => {
  it("sends the evaluation card on the evaluation date and stores the answer", async () => {
    const { goal } = await newGoal();
    const replies = await evaluationDueMessage(
      {
        id: "m1",
        schoolId,
        recipientStaffId: staffIds.alex,
        kind: "evaluation_due",
        subjectId: goal.id,
        payload: { goalId: goal.id, date: today },
        dueAt: new Date(),
        attempts: 0,
        idempotencyKey: "k1",
      },
      app.database.db,
    );
    const before = connector.activities.length;
    expect(await app.core.proactive.sendToStaff(staffIds.alex, replies!)).toMatchObject({ ok: true });
    const pushed = connector.activities.slice(before);
    expect(textOf(pushed)).toContain("Vandaag evalueren");
    const button = cardOf(pushed[0]!)!.actions!.find((a) => a.title === "Nu evalueren")!;
    expect(button.data).toEqual({ gw: "act", command: "evaluate", args: { goalId: goal.id } });

    const answered = await answerEvaluation(teams, "alex", goal.id, {
      outcome: "reached",
      note: "Sam zei alle tafels foutloos op",
      share: true,
      nextStep: "new_goal",
    });
    expect(answered.steps).toEqual(["outcome", "next"]);
    expect(answered.opened).toContain("Hoe ging het?");
    expect(answered.opened).toContain("oefent elke dag vijf minuten de tafels");
    expect(answered.text).toContain("🎉");
    expect(carriesAction(answered.text, { command: "conversation", args: { pupilId } })).toBe(true);
    expect(await storedEvaluation(app.database.db, goal.id)).toEqual({
      goalStatus: "reached",
      evaluationDate: today,
      evaluations: [
        { outcome: "reached", note: "Sam zei alle tafels foutloos op", nextStep: "new_goal", shareWithParents: true, evaluatedById: staffIds.alex },
      ],
    });

    // The old button again: politely refused, nothing changes.
    const again = await teams.press("alex", { command: "evaluate", args: { goalId: goal.id } });
    expect(again).toContain("al geëvalueerd (bereikt, door Alex Wilber");
    expect(await app.database.db.evaluation.count({ where: { goalId: goal.id } })).toBe(1);
  });

  it("shows the evaluation in the timeline and brings it back at the next conversation", async () => {
    const timeline = await teams.type("bo", "leerling Sam");
    expect(timeline).toContain("Evaluatie (bereikt, door Alex Wilber)");
    expect(timeline).toContain("Sam zei alle tafels foutloos op");
    const opening = await teams.type("alex", "gesprek Sam");
    expect(opening).toContain("Voor je begint");
    expect(opening).toContain("Afspraak van vorige keer: Sam en juf Anna");
    expect(opening).toContain("Geëvalueerd doel: Ik wil de tafels van 6 en 7 foutloos opzeggen — bereikt");
    await teams.type("alex", "stop");
  });

  it("lets the duo-partner answer from the evaluations list, and refuses the evaluator's stale card", async () => {
    const { goal } = await newGoal("Ik wil mijn werk netjes afmaken");
    await teams.press("alex", { command: "evaluate", args: { goalId: goal.id } });
    const list = await post(activity("bo", { text: "evaluaties" }));
    const button = cardOf(list[0]!)!.actions!.find(
      (a) => a.data.command === "evaluate" && (a.data.args as { goalId?: string } | undefined)?.goalId === goal.id,
    );
    expect(button?.title).toContain("Sam de Boer");
    const newDate = proposedEvaluationDate(await loadSchoolCalendar(app.database.db, schoolId), today);
    const answered = await answerEvaluation(teams, "bo", goal.id, { outcome: "later", note: "", share: false, newDate });
    expect(answered.steps).toEqual(["outcome", "later"]);
    expect(await storedEvaluation(app.database.db, goal.id)).toEqual({
      goalStatus: "open",
      evaluationDate: newDate,
      evaluations: [{ outcome: "later", note: null, nextStep: null, shareWithParents: false, evaluatedById: staffIds.bo }],
    });
    // Alex's card was opened before Bo answered: answering it now stores nothing, and says so.
    const first = await teams.submitStep("alex", { outcome: "not_reached", note: "lukte niet", outcome__share: "false" });
    expect(first.stepId).toBe("next");
    const last = await teams.submitStep("alex", { nextStep: "stop" });
    expect(last.stepId).toBeNull();
    expect(last.text).toContain("al geëvalueerd door Bo Duo");
    expect(last.text).toContain("lukte niet");
    expect((await storedEvaluation(app.database.db, goal.id)).evaluations).toHaveLength(1);
  });

  it("refuses a teacher of another group, and a card forwarded to someone else", async () => {
    const { goal } = await newGoal("Ik wil op tijd beginnen");
    expect(await teams.press("cas", { command: "evaluate", args: { goalId: goal.id } })).toContain("Dat mag je niet");
    await teams.press("alex", { command: "evaluate", args: { goalId: goal.id } });
    const forwarded = await teams.submitAs("alex", "bo", { outcome: "reached", note: "", outcome__share: "false" });
    expect(forwarded).toContain("iemand anders");
    expect(await storedEvaluation(app.database.db, goal.id)).toMatchObject({ goalStatus: "open", evaluations: [] });
    await teams.type("alex", "stop");
  });
});
