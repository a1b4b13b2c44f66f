// End to end: the real Microsoft 365 Agents Playground (a Teams-like client) in Debian's
// Chromium, driven by playwright-core, talking to the running bot. A teacher prepares a
// conversation through Adaptive Cards; the result is checked in the database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { startTestApp, type TestApp } from "../support/app.js";
import { seedDemoSchool } from "../../bot/roster/demo.js";
import { startPlayground, type Playground } from "../../adapters/teams/playground.js";
import { addDays } from "../support/dialog-driver.js";
import { localDate } from "../../bot/domain/local-time.js";
import { schoolDayOnOrAfter } from "../../bot/domain/school-calendar.js";
import { loadSchoolCalendar } from "../../bot/services/school-calendar.js";

let app: TestApp;
let playground: Playground;
let browser: Browser;
let page: Page;
let schoolId: string;

const botMessages = () => page.locator('div:has(> [aria-label="Message header"] [aria-label="Message author"])');

async function waitForBotMessages(count: number): Promise<Locator> {
  await expect.poll(() => botMessages().count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(count);
  return botMessages().nth(count - 1);
}

async function type(text: string): Promise<void> {
  const box = page.locator('[data-lexical-editor="true"]');
  await box.click();
  await box.fill(text);
  await box.press("Enter");
}

beforeAll(async () => {
  app = await startTestApp({ TEAMS_LOCAL_MODE: "true" });
  schoolId = (await seedDemoSchool(app.database.db)).schoolId;
  playground = await startPlayground({ botEndpoint: `${app.baseUrl}/api/messages`, port: 0 });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
    ],
  });
  page = await browser.newPage();
  await page.goto(playground.url);
  await page.getByText("Connected.", { exact: true }).waitFor({ timeout: 30_000 });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await playground?.stop();
  await app?.stop();
});

describe("the Agents Playground as a teacher's Teams client", () => {
  it("welcomes the demo teacher and prepares a conversation through cards", async () => {
    const welcome = await waitForBotMessages(1);
    await expect.poll(() => welcome.innerText()).toContain("Hoi Alex");

    let count = await botMessages().count();
    await type("voorbereiden Finn Appelweide");
    let card = await waitForBotMessages(count + 1);
    await expect.poll(() => card.innerText()).toContain("Welk gespreksformat?");
    await card
      .getByRole("radio", { name: /Kindgesprek groep 3–5/ })
      .check()
      .catch(async () => {
        await card.getByRole("combobox").first().click();
        await page.getByRole("option", { name: /Kindgesprek groep 3–5/ }).click();
      });
    count = await botMessages().count();
    await card.getByRole("button", { name: "Volgende" }).click();

    card = await waitForBotMessages(count + 1);
    await expect.poll(() => card.innerText()).toContain("Waarom dit gesprek?");
    await card.getByLabel("Aanleiding", { exact: false }).first().fill("Finn zegt weinig in de kring");
    await card.getByLabel("Wat wil je met dit gesprek bereiken?", { exact: false }).first().fill("horen wat Finn fijn vindt");
    count = await botMessages().count();
    await card.getByRole("button", { name: "Volgende" }).click();

    // The answered card is replaced in place by its read-only summary.
    const answered = botMessages().nth(count - 1);
    card = await waitForBotMessages(count + 1);
    await expect.poll(() => answered.innerText()).toContain("✓ Waarom dit gesprek?");
    await expect.poll(() => answered.innerText()).toContain("Finn zegt weinig in de kring");
    await expect.poll(() => answered.getByRole("button", { name: "Volgende" }).count()).toBe(0);
    await expect.poll(() => card.innerText()).toContain("Wanneer en waar?");
    // A school day of the demo school (holidays!) on which Alex works in groep 5 (Monday–Wednesday).
    const calendar = await loadSchoolCalendar(app.database.db, schoolId);
    const date = schoolDayOnOrAfter(calendar, addDays(localDate(new Date(), "Europe/Amsterdam"), 7), new Set([1, 2, 3]));
    await card.getByLabel("Datum", { exact: false }).first().fill(date);
    await card.getByLabel("Tijd", { exact: false }).first().fill("10:30");
    await card.getByLabel("Plek", { exact: false }).first().fill("de leeshoek");
    count = await botMessages().count();
    await card.getByRole("button", { name: "Volgende" }).click();

    card = await waitForBotMessages(count + 1);
    await expect.poll(() => card.innerText()).toContain("Is de leerling voorbereid?");
    await card.getByRole("radio", { name: "Ja" }).first().check();
    await card.getByRole("radio", { name: "Niet nodig" }).check();
    await card.getByRole("radio", { name: "Nee" }).last().check();
    count = await botMessages().count();
    await card.getByRole("button", { name: "Volgende" }).click();

    card = await waitForBotMessages(count + 1);
    await expect.poll(() => card.innerText()).toContain("Wat komt terug van vorige keer?");
    count = await botMessages().count();
    await card.getByRole("button", { name: "Overslaan" }).click();

    card = await waitForBotMessages(count + 1);
    await expect.poll(() => card.innerText()).toContain("Welke vragen wil je stellen?");
    await card.getByLabel("Je vragen", { exact: false }).first().fill("Wat vind je fijn in de kring?");
    count = await botMessages().count();
    await card.getByRole("button", { name: "Volgende" }).click();

    card = await waitForBotMessages(count + 1);
    await expect.poll(() => card.innerText()).toContain("De vraagcoach");
    count = await botMessages().count();
    await card.getByRole("button", { name: "Afronden" }).click();

    const done = await waitForBotMessages(count + 1);
    await expect.poll(() => done.innerText()).toContain("Voorbereiding opgeslagen");

    const conversation = await app.database.db.conversation.findFirstOrThrow({ where: { pupil: { firstName: "Finn", lastName: "Appelweide" } } });
    expect(conversation).toMatchObject({ status: "prepared", formatKey: "middenbouw-kindgesprek", place: "de leeshoek" });
    expect(JSON.parse(conversation.preparation).aim.reason).toBe("Finn zegt weinig in de kring");
  }, 120_000);
});
