// Issue 11, round 3: the kinds of broken Dutch left on the fourth blind set. Each kind is tested on new
// wordings, so a test fails when the kind comes back, not just the judged row.
import { describe, expect, it } from "vitest";
import { coachQuestion } from "../../bot/coach/index.js";
import { takesHow } from "../../bot/coach/manner-verbs.js";

const suggest = (q: string): string => coachQuestion(q).suggestion ?? "";

describe("'Hoe' only before a verb that can be done in a manner", () => {
  it.each([
    "Mis je je opa nog vaak?",
    "Kijk je op zaterdag naar voetbal?",
    "Ga je mee naar de kinderboerderij?",
    "Durf je in de kring iets te vertellen?",
    "Zit je op judo?",
    "Heb je een huisdier?",
    "Doe je mee met de schoolmusical?",
  ])("%s never becomes 'Hoe' + its own verb", (q) => {
    const verb = q.split(" ")[0]!.toLowerCase();
    expect(suggest(q)).not.toMatch(new RegExp(`^Hoe ${verb} je\\b`, "u"));
    expect(coachQuestion(q).flags).toContain("closed");
  });

  it.each([
    ["Oefen je thuis de woordjes?", "Hoe oefen je thuis de woordjes?"],
    ["Zorg je goed voor de konijnen?", "Hoe zorg je voor de konijnen?"],
    ["Ga je morgen verder met je spreekbeurt?", "Hoe ga je morgen verder met je spreekbeurt?"],
  ])("%s → %s", (q, expected) => {
    expect(suggest(q)).toBe(expected);
  });

  it("knows a verb that needs its particle", () => {
    expect(takesHow("ga", ["goed", "om", "met", "ruzie"])).toBe(true);
    expect(takesHow("ga", ["mee", "op", "kamp"])).toBe(false);
    expect(takesHow("kijk", ["tv"])).toBe(false);
    expect(takesHow("mis", ["je", "oude", "school"])).toBe(false);
  });
});

describe("what is left to ask when 'Hoe' cannot", () => {
  it.each([
    ["Mis je je oude klas soms nog?", "Wat kun je me vertellen over je oude klas?"],
    ["Kijk je 's avonds nog een film?", "Wat kijk je 's avonds?"],
    ["Ben je weleens naar de dierentuin geweest?", "Wat kun je me vertellen over de dierentuin?"],
    ["Heb je deze week zwemles gehad?", "Hoe was de zwemles?"],
    ["Heb je een leuke verjaardag gehad?", "Hoe was je verjaardag?"],
    ["Heb je lekker geslapen vannacht?", "Hoe heb je vannacht geslapen?"],
  ])("%s → %s", (q, expected) => {
    expect(suggest(q)).toBe(expected);
  });

  it("does not make a preference of a plain either/or", () => {
    expect(suggest("Heb je een broer of een zus?")).not.toMatch(/liefst/u);
  });

  it("asks what, not how, for a preference with a verb that takes no manner", () => {
    expect(suggest("Heb je liever een hond of een kat?")).toBe("Wat heb je het liefst?");
  });
});

describe("no leftovers of the reproach or the closed form", () => {
  it.each([
    ["Waarom kun je nou nooit eens rustig blijven zitten in de kring?", "Wat maakt het lastig om rustig te blijven zitten in de kring?"],
    ["Je bent toch niet meer boos op Daan?", "Hoe gaat het nu tussen jou en Daan?"],
    ["Wil je me vertellen of het thuis goed gaat?", "Hoe gaat het thuis?"],
    ["Had je er wel genoeg voor geoefend?", "Hoe heb je ervoor geoefend?"],
  ])("%s → %s", (q, expected) => {
    expect(suggest(q)).toBe(expected);
  });

  it("puts the finite verb at the end after 'Wat maakt dat je'", () => {
    expect(suggest("Waarom zit je steeds te tekenen tijdens het voorlezen?")).toBe("Wat maakt dat je tijdens het voorlezen zit te tekenen?");
  });

  it("takes no time phrase for a topic", () => {
    expect(suggest("Heb je deze week gym gehad met juf Anna?")).not.toMatch(/met deze week/u);
  });
});

describe("round 3b: what the fifth and sixth blind sets still showed", () => {
  it.each([
    ["Maak je je zorgen over de verhuizing?", "Wat gaat er door je heen als je aan de verhuizing denkt?"],
    ["Stel dat je ruzie krijgt in de pauze, kun je dan hulp vragen?", "Stel dat je ruzie krijgt in de pauze, wat doe je dan?"],
    ["Lees je thuis weleens een strip?", "Wat lees je thuis?"],
    ["Why can't you just line up like the others?", "What makes it hard to line up?"],
    ["Waarom kun je niet gewoon je beurt afwachten zoals de anderen?", "Wat maakt het lastig om je beurt af te wachten?"],
  ])("%s → %s", (q, expected) => {
    expect(suggest(q)).toBe(expected);
  });

  it.each([
    "Ga je nu eindelijk je werk afmaken?", // impatience
    "Heb je je gymtas alwéér vergeten?", // an accent of emphasis does not hide "alweer"
    "Waarom kun je niet stilzitten zoals de anderen?", // measured against the others
  ])("flags %s as judging", (q) => {
    expect(coachQuestion(q).flags).toContain("judging");
  });

  it("splits off a filler with its coordinator", () => {
    expect(suggest("Hoe gaat het op school, en eh, hoe gaat het thuis?")).toMatch(/^Hoe gaat het op school\? /u);
  });

  it("asks how a third person helps only with a verb that takes a manner", () => {
    expect(suggest("Does your mum help you with spelling?")).toBe("How does your mum help you with spelling?");
    expect(suggest("Did your dad sign your reading log?")).not.toMatch(/^How did your dad sign/u);
    expect(suggest("Did you manage to practise every day?")).not.toMatch(/^How did you manage/u);
  });
});
