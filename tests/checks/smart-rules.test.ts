// Each rule of the SMART check for an agreement (bot/checks/smart-agreement.ts) with the reason the
// teacher reads: who, what and when, and the message in both languages. The labelled sets score
// 1.000, so a rule removed there could still pass ≥ 0.85 (issue 18); here each rule is named.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkAgreement, measureAgreements, parseLabelledAgreements, type AgreementInput } from "../../bot/checks/index.js";

/** The issues as "part:code". */
const codes = (who: string, what: string, when: string) => checkAgreement({ who, what, when }).issues.map((i) => `${i.part}:${i.code}`);
const what = (text: string, lang: "nl" | "en" = "nl") =>
  codes(lang === "nl" ? "ik" : "I", text, lang === "nl" ? "elke dag" : "every day").filter((c) => c.startsWith("what:"));
const only = (input: AgreementInput, part: "who" | "what" | "when") => {
  const found = checkAgreement(input).issues.filter((i) => i.part === part);
  expect(found).toHaveLength(1);
  return found[0]!;
};

const READING = "elke dag 10 minuten lezen";

describe("the SMART check, rule by rule", () => {
  it("who: nobody named is missing; numbers alone are nobody; a name next to 'we' or a placeholder counts", () => {
    expect(codes("12", READING, "elke avond")).toEqual(["who:missing"]);
    expect(codes("6", READING, "elke avond")).toEqual(["who:missing"]);
    expect(codes("nvt", READING, "elke avond")).toEqual(["who:missing"]);
    expect(only({ who: "de", what: READING, when: "elke avond" }, "who").message.nl).toBe("Er staat nog niet wie de afspraak uitvoert.");
    expect(codes("Sam nvt", READING, "elke avond")).toEqual([]);
    expect(codes("Sam en wij", READING, "elke avond")).toEqual([]);
    expect(codes("4b", READING, "elke avond")).toEqual([]);
  });

  it("a placeholder ('nog afspreken', 'weet ik niet') is missing only when it is all there is", () => {
    expect(codes("ik", READING, "weet ik niet")).toEqual(["when:missing"]);
    expect(codes("ik", "nog afspreken", "elke dag")).toEqual(["what:missing"]);
    expect(codes("ik", READING, "nog voor de kerstvakantie")).toEqual([]);
    expect(codes("ik", READING, "nog afspreken met mama")).toEqual(["when:vague_when"]);
    expect(codes("ik", READING, "samen nog afspreken")).toEqual(["when:vague_when"]);
  });

  it("an effort without a visible action is a good intention, not an agreement", () => {
    const effort = only({ who: "ik", what: "goed opletten in de klas", when: "elke dag" }, "what");
    expect(effort.code).toBe("vague_action");
    expect(effort.message.nl).toBe("'goed opletten in de klas' is een goed voornemen, maar niemand kan het zien of tellen. Wat ga je dan precies doen?");
    expect(effort.message.en).toBe("This is a good intention, but nobody can see or count it. What exactly will you do?");
    for (const text of ["rustig blijven in de klas", "mijn best doen voor school"]) {
      expect(only({ who: "ik", what: text, when: "elke dag" }, "what").message.nl, text).toContain("is een goed voornemen");
    }
    // Measured, it is no longer only an intention, but it still has to say what is done.
    expect(only({ who: "ik", what: "10 minuten per dag je best doen", when: "elke dag" }, "what").message.nl).toContain("noemt geen handeling");
    // The same effort with something to see is fine.
    expect(what("opletten en mijn vinger opsteken")).toEqual([]);
    expect(what("rustig lezen in de leeshoek")).toEqual([]);
  });

  it("one or two words are too short to check; three can do", () => {
    const short = only({ who: "ik", what: "lezen", when: "elke dag" }, "what");
    expect(short.message.nl).toBe("'lezen' is te kort om na te gaan: wat doe je precies, hoeveel en hoe?");
    expect(short.message.en).toBe("This is too short to check: what exactly, how much and how?");
    expect(what("mijn kamer opruimen")).toEqual([]);
  });

  it("words without any action name no action; a state of mind or a feeling is not an action either", () => {
    const noVerb = only({ who: "ik", what: "mijn boek van school", when: "elke dag" }, "what");
    expect(noVerb.code).toBe("vague_action");
    expect(noVerb.message.nl).toBe("'mijn boek van school' noemt geen handeling: wat ga je doen?");
    expect(noVerb.message.en).toBe("This names no action: what are you going to do?");
    for (const text of ["luisteren naar de juf", "boos worden op anderen", "gordijnen voor het raam"]) {
      expect(only({ who: "ik", what: text, when: "elke dag" }, "what").message.nl, text).toContain("noemt geen handeling");
    }
    for (const text of ["my potato salad", "my toy cars"]) {
      expect(only({ who: "I", what: text, when: "every day" }, "what").message.en, text).toContain("names no action");
    }
    // A plain verb like "doen" with what it is about is an action.
    expect(what("mijn huiswerk doen")).toEqual([]);
  });

  it("a verb the word list does not know still counts in the place a verb goes", () => {
    expect(what("elke vrijdag mijn laatje ontrommelen")).toEqual([]);
    expect(what("declutter my desk", "en")).toEqual([]);
    expect(what("to declutter my desk", "en")).toEqual([]);
  });

  it("a phrase can be the action ('een gesprekje', 'stil op mijn plek'); with a comparison it still needs a measure", () => {
    expect(what("een gesprekje met juf")).toEqual([]);
    expect(what("stil op mijn plek")).toEqual([]);
    expect(what("vaker een gesprekje met juf")).toEqual(["what:not_measurable"]);
    expect(what("vaker stil op mijn plek")).toEqual(["what:not_measurable"]);
  });

  it("says how much is missing, in the teacher's words and language, with an example that fits", () => {
    const nl = only({ who: "ik", what: "meer lezen", when: "elke dag" }, "what");
    expect(nl.message.nl).toBe("'meer lezen' zegt niet hoeveel: hoe vaak, hoe lang of hoeveel? Zonder maat weet je later niet of het gelukt is.");
    expect(nl.message.en).toBe("This does not say how much: how often, how long or how many? Without a measure nobody can tell later whether it worked.");
    expect(nl.hint.nl).toMatch(/^Voeg een getal, een tijdsduur of een aantal keer toe\. Bijvoorbeeld: '[^'{}]*lees[^'{}]*'$/);
    const en = only({ who: "I", what: "read more", when: "every day" }, "what");
    expect(en.message.en).toBe(
      "'read more' does not say how much: how often, how long or how many? Without a measure nobody can tell later whether it worked.",
    );
    expect(en.message.nl).toMatch(/^Dit zegt niet hoeveel/);
    const missing = only({ who: "ik", what: "", when: "elke dag" }, "what");
    expect(missing.hint.nl).toMatch(/^Schrijf op wat je gaat doen\. Bijvoorbeeld: '[^'{}]+'$/);
    expect(missing.hint.en).toMatch(/^Write down what you are going to do\. For example: '[^'{}]+'$/);
    expect(only({ who: "ik", what: "lezen", when: "elke dag" }, "what").hint.nl).toMatch(
      /^Beschrijf iets wat je kunt zien gebeuren\. Bijvoorbeeld: '[^'{}]+'$/,
    );
  });

  it("guesses the language from the three parts apart, not run together", () => {
    // "I" and "read" run together would read as one unknown word, and the text as Dutch.
    expect(only({ who: "I", what: "read", when: "Monday" }, "what").message.en).toBe("'read' is too short to check: what exactly, how much and how?");
  });

  it("a vague who or when is quoted back in the teacher's language", () => {
    const [who, when] = checkAgreement({ who: "we", what: READING, when: "later" }).issues;
    expect(who!.message.nl).toBe("'we' zegt niet wie het precies doet. Als iedereen het doet, voelt niemand zich eigenaar.");
    expect(who!.message.en).toBe("This does not say who exactly does it. When everyone does it, nobody owns it.");
    expect(when!.message.nl).toBe("'later' is geen vast moment: wanneer precies, en hoe vaak?");
    const english = only({ who: "I", what: "read for 15 minutes", when: "soon" }, "when");
    expect(english.message.en).toBe("'soon' is not a fixed moment: when exactly, and how often?");
    expect(english.message.nl).toBe("Dit is geen vast moment: wanneer precies, en hoe vaak?");
  });

  it("judges every agreement of the labelled set (the check's specification) exactly as labelled, part by part", () => {
    const labelled = parseLabelledAgreements(JSON.parse(readFileSync(new URL("./agreements.labelled.json", import.meta.url), "utf8")));
    const result = measureAgreements(labelled);
    expect(result.mismatches.map((m) => `${JSON.stringify(m.item)} → ${m.got}`)).toEqual([]);
    expect(result.partsAccuracy).toBe(1);
  });
});
