// Issue 11, round 2: the kinds of broken Dutch a judge found in suggestions for unseen questions. Each kind
// is tested on new wordings (not the judged rows), so a test fails when the kind comes back, not just the row.
import { describe, expect, it } from "vitest";
import { isQuestionStem, questionStem } from "../../bot/coach/fallback.js";
import { cutsFixedExpression, stripVocative } from "../../bot/coach/fixed-phrases.js";
import { coachQuestion } from "../../bot/coach/index.js";
import { shapeProblem } from "../../bot/coach/shape-check.js";

const suggest = (q: string): string => coachQuestion(q).suggestion ?? "";

describe("the gate rejects each kind of broken Dutch", () => {
  it.each([
    "Wat maakt dat je bent bij rekenen?", // 1: a copula without its complement
    "Hoe komt het dat je bent?",
    "Hoe komt het dat je werkt Mohammed?", // 2: a vocative glued to the end
    "Wat kun je me vertellen over Noor?", // a child as the topic of "vertellen over"
    "Hoe gaat het met de laatste?", // 2: a time phrase cut short
    "Wat snap je al van nu hoe je een staartdeling maakt?", // 3: a clause where a noun phrase belongs
    "Wat weet je al van zelf dat je Milan niet had mogen schoppen?",
    "Wat maakt het lastig om als ik iets uitleg te luisteren?", // 4: the clause inside om…te
    "Wat maakt dat je kijkt om als ik iets zeg?", // 4: a particle stranded before the clause
    "Hoe moest je gaan praten tijdens de instructie?", // 5: "hoe" + a modal of obligation
    "Hoe stel dat het morgen in de pauze helemaal gaat?", // 5: an imperative inside
    "Hoe begreep je de uitleg?", // 8: "hoe" + understanding
    "Wat zou je ervan vinden om bij de volgende toets een hogere score te halen?", // 6: hidden yes/no
    "Wat vind jij ervan als ik dit ook aan je vader en moeder vertel?",
    "Hoe gaat het met het gelukt?", // a participle as the topic
    "Wat kun je me vertellen over je zitten?", // a verb as the topic
    "How would you like to tackle the window?",
  ])("%s", (candidate) => {
    expect(shapeProblem(candidate, /^(How|What)\b/u.test(candidate) ? "en" : "nl")).not.toBeNull();
  });

  it.each([
    "Hoe gaat het bij rekenen?",
    "Hoe voel je je de laatste tijd?",
    "Hoe komt het dat je blij bent?",
    "Wat maakt het lastig om te luisteren als ik iets uitleg?",
    "Hoe maak je een staartdeling?",
    "Wat begreep je van de uitleg?",
    "Hoe weet je dat?",
    "Wat vind je ervan om gym te doen?", // the pupil's opinion, not the teacher's proposal
    "Hoe gaat het tussen jou en Finn?",
    "Hoe voel je je over de Cito?",
    "Wat kun je me vertellen over de toren van Sem?",
  ])("lets %s pass", (candidate) => {
    expect(shapeProblem(candidate, "nl")).toBeNull();
  });
});

describe("kind 1: a judged degree + adjective is not deleted, the situation is asked", () => {
  it.each([
    ["Wat maakt dat je zo druk bent tijdens de gym?", "Hoe gaat het tijdens de gym?"],
    ["Hoe kan het dat je zo slordig schrijft?", "Hoe gaat het met schrijven?"],
    ["Hoe komt het dat je de laatste tijd zo boos bent?", "Hoe voel je je de laatste tijd?"],
    ["Was je vanochtend een beetje verdrietig?", "Hoe voelde je je vanochtend?"],
    ["Hoe kan het dat je zo chagrijnig bent na de gym?", "Hoe voel je je na de gym?"],
  ])("%s → %s", (q, expected) => {
    expect(suggest(q)).toBe(expected);
  });
});

describe("kind 2: no topic cut from a fixed expression, a time phrase or a vocative", () => {
  it("finds fragments of fixed expressions and time phrases", () => {
    expect(cutsFixedExpression("Hoe gaat het met de hand?", "wat is er thuis aan de hand".split(" "))).toBe(true);
    expect(cutsFixedExpression("Hoe gaat het met de laatste?", "ben je de laatste weken moe".split(" "))).toBe(true);
    expect(cutsFixedExpression("Wat kun je me vertellen over de zomer?", "om voor de zomer te lezen".split(" "))).toBe(true);
    expect(cutsFixedExpression("Hoe voel je je de laatste tijd?", "de laatste tijd zo boos".split(" "))).toBe(false);
    expect(cutsFixedExpression("Hoe gaat het met de tafels?", "oefen je de tafels".split(" "))).toBe(false);
  });

  it("strips a name spoken to, at the end or the start, and gives it back at the end", () => {
    expect(stripVocative("Is het gelukt, Daan?")).toEqual({ text: "Is het gelukt?", name: "Daan" });
    expect(stripVocative("Lotte, heb je je spullen bij je?")).toEqual({ text: "Heb je je spullen bij je?", name: "Lotte" });
    expect(stripVocative("Nou, hoe ging het?").name).toBeNull();
    expect(stripVocative("Wat vind je van lezen, Engels?").name).toBeNull();
    expect(suggest("Is het gelukt om je boek uit te lezen, Fatima?")).toMatch(/, Fatima\?$/u);
    expect(suggest("Is het gelukt om je boek uit te lezen, Fatima?")).not.toMatch(/over Fatima/u);
  });

  it("never offers a fragment as the topic", () => {
    expect(suggest("Wat is er thuis aan de hand dat je zo moe bent?")).not.toMatch(/de hand\?/u);
    expect(suggest("Hoe komt het dat je de laatste tijd zo verdrietig bent?")).not.toMatch(/de laatste\?/u);
  });
});

describe("kind 3: an embedded question is made direct, never put after 'van'", () => {
  it.each([
    ["Snap je nu hoe je een breuk vereenvoudigt?", "Hoe vereenvoudig je een breuk?"],
    ["Begreep je de som op het bord?", "Wat begreep je van de som op het bord?"],
  ])("%s → %s", (q, expected) => {
    expect(suggest(q)).toBe(expected);
  });
});

describe("kind 4: word order around a subordinate clause", () => {
  it("keeps a particle on its verb before the clause", () => {
    expect(suggest("Waarom praat je steeds door als ik iets zeg?")).toBe("Wat maakt dat je doorpraat als ik iets zeg?");
  });

  it("Waarom let je nooit op als de juf iets vertelt?", () => {
    expect(suggest("Waarom let je nooit op als de juf iets vertelt?")).toBe("Wat maakt het lastig om op te letten als de juf iets vertelt?");
  });
});

describe("kind 5: 'Stel dat …, wat …?' is an open hypothetical question", () => {
  it.each(["Stel dat je morgen alleen mag kiezen, wat zou je dan doen?", "Stel je voor dat je de juf bent, wat zou je dan anders doen?"])("%s", (q) => {
    expect(coachQuestion(q).flags).toEqual([]);
  });

  it("does not keep a reproachful 'moest' in a how-question", () => {
    expect(suggest("Moest je nou weer zo hard lachen in de kring?")).not.toMatch(/^Hoe moest/u);
  });
});

describe("kind 6: no hidden yes/no to the teacher's proposal", () => {
  it.each([
    ["Mag ik dit aan de juf van groep 6 vertellen?", "Wat wil je dat ik hiervan aan de juf van groep 6 vertel?"],
    ["Zullen we dat morgen proberen?", "Wat zou jij willen proberen?"],
    ["Je wilt bij de rekentoets vast ook een voldoende halen, toch?", "Hoe wil je het bij de rekentoets aanpakken?"],
  ])("%s → %s", (q, expected) => {
    expect(suggest(q)).toBe(expected);
  });
});

describe("kind 7: 'weleens' is not turned into a presumption", () => {
  it.each([
    ["Speel je weleens met Emma in de pauze?", "Met wie speel je in de pauze?"],
    ["Speel je thuis ook weleens met Lego?", "Waarmee speel je thuis?"],
    ["Heb je in de pauze met iemand gespeeld?", "Met wie heb je in de pauze gespeeld?"],
    ["Ga je weleens naar de speeltuin?", "Wat vind je van de speeltuin?"],
  ])("%s → %s", (q, expected) => {
    expect(suggest(q)).toBe(expected);
  });
});

describe("kind 8: tense and idiom", () => {
  it.each([
    ["Dat was toch een gezellig feestje?", "Hoe was het feestje voor jou?"],
    ["Heb je gisteren in de bouwhoek gespeeld?", "Wat heb je gisteren in de bouwhoek gespeeld?"],
    ["Kun je me vertellen of je de uitleg begreep?", "Wat begreep je van de uitleg?"],
    ["Is er nog iets wat je wilt zeggen?", "Wat wil je nog zeggen?"], // "nog" keeps the meaning
    ["Waarom vind je rekenen zo moeilijk?", "Wat vind je van rekenen?"],
    ["How much better is reading going now that you have a ruler?", "How is reading going now that you have a ruler?"],
    ["Lotte, hoe was het kamp, wat vond je het leukst?", 'Hoe was het kamp, Lotte? (Stel daarna pas, apart, de volgende vraag: "Wat vond je het leukst?")'],
  ])("%s → %s", (q, expected) => {
    expect(suggest(q)).toBe(expected);
  });
});

describe("kind 9: stems carry the topic", () => {
  it("asks about the thing named, when that is clear", () => {
    expect(suggest("Zit je lekker op je plek bij het raam?")).toBe("Wat vind je van je plek bij het raam?");
  });

  it("puts the question's phrase in a stem, and recognises it as a stem", () => {
    const stem = suggest("Wil je bij het voorlezen ook een beurt nemen?");
    expect(stem).toBe("Begin met 'Wat' of 'Hoe' in plaats van met een werkwoord: Hoe … bij het voorlezen?");
    expect(isQuestionStem(stem)).toBe(true);
    expect(isQuestionStem("Hoe … bij het voorlezen?")).toBe(false);
  });

  it("keeps the plain stem when the phrase is not whole", () => {
    expect(suggest("Dus jouw doel is om voor de zomer 80 woorden per minuut te lezen?")).toBe(questionStem(["closed"], "nl"));
  });
});
