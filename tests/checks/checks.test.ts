import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../bot/coach/index.js";
import {
  checkAgreement,
  checkObservableGoal,
  detectCheckLanguage,
  measureAgreements,
  measureGoals,
  parseLabelledAgreements,
  parseLabelledGoals,
  type AgreementInput,
  type AgreementIssue,
  type Bilingual,
  type CheckAccuracy,
} from "../../bot/checks/index.js";

function load(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, import.meta.url), "utf8"));
}

const agreementSets = {
  labelled: parseLabelledAgreements(load("./agreements.labelled.json")),
  holdout: parseLabelledAgreements(load("./agreements.holdout.json")),
  blind: parseLabelledAgreements(load("./agreements.blind.json")),
};
const goalSets = {
  labelled: parseLabelledGoals(load("./goals.labelled.json")),
  holdout: parseLabelledGoals(load("./goals.holdout.json")),
  blind: parseLabelledGoals(load("./goals.blind.json")),
};

function issueOf(input: AgreementInput, part: AgreementIssue["part"]): AgreementIssue | undefined {
  return checkAgreement(input).issues.find((issue) => issue.part === part);
}

function codesOf(input: AgreementInput): string[] {
  return checkAgreement(input).issues.map((issue) => `${issue.part}:${issue.code}`);
}

/** Both halves are filled in and each reads as its own language (judged by the coach's detector). */
function expectBilingual(text: Bilingual): void {
  expect(text.nl.trim().length).toBeGreaterThan(10);
  expect(text.en.trim().length).toBeGreaterThan(10);
  expect(text.nl).not.toEqual(text.en);
  expect(detectLanguage(text.nl)).toBe("nl");
  expect(detectLanguage(text.en)).toBe("en");
}

function report(name: string, result: CheckAccuracy<unknown>): void {
  const parts = result.partsAccuracy === null ? "" : `, parts ${result.partsAccuracy.toFixed(3)}`;
  console.log(`${name}: accuracy ${result.accuracy.toFixed(3)} (${result.correct}/${result.total})${parts}`);
  for (const m of result.mismatches) console.log(`  mismatch: ${JSON.stringify(m.item)} → ${m.got}`);
}

// -------------------------------------------------------------------------------------------------

describe("checkAgreement: who", () => {
  it.each([
    ["ik", "elke dag 10 minuten lezen", "elke avond"],
    ["Sam", "elke dag 10 minuten lezen", "elke avond"],
    ["juf Anna", "elke maandag de weekplanning met Sam bespreken", "maandag"],
    ["meester Tom", "Sam een seintje geven 5 minuten voor het opruimen", "elke middag"],
    ["de leerkracht", "een time-timer op de tafel van Sam zetten", "elke ochtend"],
    ["mama", "elke avond 10 minuten met mij de tafels oefenen", "na het eten"],
    ["ouders", "elke avond 15 minuten samen met Lotte lezen", "tot de voorjaarsvakantie"],
    ["Sam en ik", "samen zijn leesdoel bespreken", "voor de kerstvakantie"],
    ["Sam en juf", "samen zijn leesdoel bespreken", "voor de kerstvakantie"],
    ["I", "read for 15 minutes", "every evening"],
    ["my teacher", "check my planner with me", "every Monday"],
    ["mum", "practise spellings with me for 5 minutes", "after dinner"],
  ])("accepts %j as a person or role", (who, what, when) => {
    expect(issueOf({ who, what, when }, "who")).toBeUndefined();
  });

  it.each(["we", "wij", "iedereen", "we allemaal", "iemand", "de klas", "iedereen in groep 6"])("flags %j as vague (nl)", (who) => {
    expect(issueOf({ who, what: "elke dag 10 minuten lezen", when: "elke avond" }, "who")?.code).toBe("vague_who");
  });

  it.each(["we", "someone", "everybody", "the class", "all of us"])("flags %j as vague (en)", (who) => {
    expect(issueOf({ who, what: "read for 15 minutes", when: "every evening" }, "who")?.code).toBe("vague_who");
  });

  it.each(["", "   ", "?", "n.v.t.", "nog afspreken"])("flags %j as missing", (who) => {
    expect(issueOf({ who, what: "elke dag 10 minuten lezen", when: "elke avond" }, "who")?.code).toBe("missing");
  });
});

describe("checkAgreement: what", () => {
  it.each([
    "beter je best doen",
    "meer opletten",
    "harder werken",
    "proberen rustig te zijn",
    "aardiger zijn tegen Daan",
    "lezen",
    "Sam helpen",
    "kijken hoe het gaat",
    "try harder",
    "do better",
    "pay more attention",
    "be nicer",
    "work on my spelling",
  ])("flags %j as a vague action", (what) => {
    expect(issueOf({ who: "ik", what, when: "elke dag" }, "what")?.code).toBe("vague_action");
  });

  it.each(["beter lezen", "meer lezen", "netter schrijven", "vaker mijn vinger opsteken in de kring", "read more", "write neater"])(
    "flags %j as not measurable",
    (what) => {
      expect(issueOf({ who: "ik", what, when: "elke dag" }, "what")?.code).toBe("not_measurable");
    },
  );

  it.each([
    "elke dag 10 minuten lezen",
    "na de instructie eerst zelf 3 sommen proberen en dan pas een vinger opsteken",
    "beter opletten door naar het bord te kijken als juf uitlegt",
    "mijn vinger opsteken als ik iets wil zeggen",
    "niet meer door de klas lopen",
    "zijn weektaak helemaal af hebben",
    "de tafels van 3 en 4 uit mijn hoofd leren",
    "iedere dinsdag mijn bibliotheekboek terugbrengen",
    "reads 15 minutes every evening",
    "put my hand up instead of shouting out",
    "pay attention by looking at the board",
    "finish all my maths sums without help",
  ])("accepts %j", (what) => {
    expect(issueOf({ who: "ik", what, when: "elke dag" }, "what")).toBeUndefined();
  });

  it("needs a measure for a comparison even when it names a times table", () => {
    expect(issueOf({ who: "ik", what: "meer oefenen met de tafels van 6", when: "elke dag" }, "what")?.code).toBe("not_measurable");
    expect(issueOf({ who: "ik", what: "elke dag 5 minuten de tafels van 6 oefenen", when: "thuis na school" }, "what")).toBeUndefined();
  });

  it("flags an empty what as missing", () => {
    expect(issueOf({ who: "ik", what: "", when: "elke dag" }, "what")?.code).toBe("missing");
  });
});

describe("checkAgreement: when", () => {
  it.each([
    "maandag",
    "elke ochtend",
    "voor de kerstvakantie",
    "tot 15 maart",
    "na de instructie",
    "3-12",
    "in week 48",
    "tijdens zelfstandig werken",
    "woensdagmiddag",
    "om half acht",
    "in de pauzes",
    "als ik klaar ben",
    "every day",
    "by Friday",
    "at break",
    "during carpet time",
    "after school",
  ])("accepts %j", (when) => {
    expect(issueOf({ who: "ik", what: "elke dag 10 minuten lezen", when }, "when")).toBeUndefined();
  });

  it.each([
    "binnenkort",
    "later",
    "soms",
    "als het lukt",
    "ooit",
    "vanaf nu",
    "regelmatig",
    "over een paar weken",
    "soon",
    "sometimes",
    "when possible",
    "at some point",
  ])("flags %j as vague", (when) => {
    expect(issueOf({ who: "ik", what: "elke dag 10 minuten lezen", when }, "when")?.code).toBe("vague_when");
  });

  it("flags an empty when as missing", () => {
    expect(issueOf({ who: "ik", what: "elke dag 10 minuten lezen", when: "" }, "when")?.code).toBe("missing");
  });
});

describe("checkAgreement: result", () => {
  it("accepts a SMART agreement without issues", () => {
    const result = checkAgreement({
      who: "Sam",
      what: "na de instructie eerst zelf 3 sommen proberen en dan pas een vinger opsteken",
      when: "tijdens zelfstandig werken",
    });
    expect(result).toEqual({ concrete: true, issues: [] });
  });

  it("reports every part that is lacking, in who/what/when order", () => {
    expect(codesOf({ who: "we", what: "beter ons best doen", when: "binnenkort" })).toEqual(["who:vague_who", "what:vague_action", "when:vague_when"]);
    expect(codesOf({ who: "we", what: "try harder", when: "soon" })).toEqual(["who:vague_who", "what:vague_action", "when:vague_when"]);
    expect(codesOf({ who: "", what: "", when: "" })).toEqual(["who:missing", "what:missing", "when:missing"]);
  });

  it.each<[string, AgreementInput]>([
    ["nl", { who: "we", what: "meer lezen", when: "later" }],
    ["nl", { who: "", what: "beter opletten", when: "" }],
    ["en", { who: "someone", what: "read more", when: "sometimes" }],
    ["en", { who: "we", what: "be nicer", when: "" }],
  ])("gives messages and hints in both languages (%s input)", (_lang, input) => {
    const { issues } = checkAgreement(input);
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expectBilingual(issue.message);
      expectBilingual(issue.hint);
    }
  });

  it("quotes the teacher's words only in the message of the text's language", () => {
    const nl = issueOf({ who: "ik", what: "beter opletten", when: "elke dag" }, "what");
    expect(nl?.message.nl).toContain("'beter opletten'");
    expect(nl?.message.en).not.toContain("opletten");
    const en = issueOf({ who: "I", what: "try harder", when: "every day" }, "what");
    expect(en?.message.en).toContain("'try harder'");
    expect(en?.message.nl).not.toContain("harder");
  });

  it("picks an example hint that fits the topic", () => {
    expect(issueOf({ who: "ik", what: "meer lezen", when: "elke dag" }, "what")?.hint.nl).toMatch(/lees/);
    expect(issueOf({ who: "I", what: "practise my times tables more", when: "every day" }, "what")?.hint.en).toMatch(/times table/);
  });

  it("is deterministic and honours an explicit language", () => {
    const input = { who: "we", what: "meer lezen", when: "later" };
    expect(checkAgreement(input)).toEqual(checkAgreement(input));
    expect(checkAgreement(input, "nl").concrete).toBe(false);
    expect(checkAgreement({ who: "I", what: "read for 15 minutes every evening", when: "every evening" }, "en").concrete).toBe(true);
  });
});

// -------------------------------------------------------------------------------------------------

describe("checkObservableGoal", () => {
  it.each([
    ["Sam is dyslectisch.", "is dyslectisch"],
    ["Noor heeft ADHD.", "heeft ADHD"],
    ["Daan heeft een slechte werkhouding.", "heeft een slechte werkhouding"],
    ["Mees is lui.", "is lui"],
    ["Lina is erg druk in de klas.", "is erg druk"],
    ["Stuitert door de klas.", "Stuitert"],
    ["Heeft een concentratieprobleem.", "concentratieprobleem"],
    ["Emma heeft faalangst.", "heeft faalangst"],
    ["Tom is dyslexic.", "is dyslexic"],
    ["Has a poor attitude to work.", "Has a poor attitude"],
    ["Mia is lazy.", "is lazy"],
  ])("flags the label in %j", (text, found) => {
    const result = checkObservableGoal(text);
    expect(result.observable).toBe(false);
    const label = result.issues.find((issue) => issue.code === "label");
    expect(label?.found).toBe(found);
  });

  it.each(["Beter worden in rekenen.", "Meer zelfvertrouwen krijgen.", "Begrijpt breuken.", "Get better at maths.", "Understands fractions."])(
    "flags %j as not observable",
    (text) => {
      const result = checkObservableGoal(text);
      expect(result.issues.map((issue) => issue.code)).toEqual(["not_observable"]);
    },
  );

  it.each(["Sam leest beter.", "Noor maakt haar weektaak.", "Sam vraagt om hulp.", "Writes neater.", "Reads more."])(
    "flags %j as observable but without a measure",
    (text) => {
      const result = checkObservableGoal(text);
      expect(result.issues.map((issue) => issue.code)).toEqual(["no_measure"]);
    },
  );

  it.each([
    "Sam werkt na de groepsinstructie 10 minuten zelfstandig aan zijn taak.",
    "Leest mkm-woorden direct, zonder te spellen.",
    "Mees maakt de tafels van 1 tot en met 5 foutloos binnen 3 minuten.",
    "Steekt tijdens de instructie een vinger op voordat ze iets zegt, 4 van de 5 keer.",
    "Sam reads 20 CVC words at sight within one minute.",
    "Works independently on a task for 10 minutes after the group instruction.",
    "Asks for help only after trying two sums on his own.",
  ])("accepts the observable goal %j", (text) => {
    expect(checkObservableGoal(text)).toEqual({ observable: true, issues: [], suggestion: null });
  });

  it("does not add not_observable or no_measure on top of a label", () => {
    const codes = checkObservableGoal("Noah has ADHD and is lazy").issues.map((issue) => issue.code);
    expect(codes).toEqual(["label", "label"]);
  });

  it.each([
    ["Daan heeft een slechte werkhouding.", "nl"],
    ["Beter worden in rekenen.", "nl"],
    ["Sam leest beter.", "nl"],
    ["Has a poor attitude to work.", "en"],
    ["Get better at maths.", "en"],
    ["Reads more.", "en"],
  ])("gives a bilingual suggestion with the goal template and the question to ask (%j)", (text, lang) => {
    expect(detectCheckLanguage(text)).toBe(lang);
    const { suggestion, issues } = checkObservableGoal(text);
    expect(suggestion).not.toBeNull();
    if (!suggestion) return;
    expectBilingual(suggestion);
    expect(suggestion.nl).toContain("<naam> <doet wat> <hoe vaak/hoe lang/hoe goed> <wanneer>");
    expect(suggestion.en).toContain("<name> <does what> <how often/how long/how well> <when>");
    expect(suggestion.nl).toMatch(/Wat zie je .+ precies doen, wanneer, en hoe vaak\?/);
    expect(suggestion.en).toMatch(/What exactly do you see .+ do, when, and how often\?/);
    for (const issue of issues) expectBilingual(issue.message);
  });

  it("uses the pupil's name in the suggestion and an example that fits the concern", () => {
    const { suggestion } = checkObservableGoal("Daan heeft een slechte werkhouding.");
    expect(suggestion?.nl).toContain("Daan werkt na de groepsinstructie 10 minuten zelfstandig");
    expect(suggestion?.en).toContain("Daan works on the weekly task independently for 10 minutes");
    const reading = checkObservableGoal("Is dyslectisch.");
    expect(reading.suggestion?.nl).toContain("De leerling leest");
  });

  it("treats an empty goal as not observable", () => {
    const result = checkObservableGoal("");
    expect(result.observable).toBe(false);
    expect(result.issues[0]?.code).toBe("not_observable");
    expect(result.suggestion?.nl).not.toContain("''");
  });
});

// -------------------------------------------------------------------------------------------------

describe("accuracy on hand-labelled sets", () => {
  it("has labelled sets of the agreed size and mix", () => {
    const english = (x: { who: string; what: string; when: string }): boolean => detectCheckLanguage(`${x.who} ${x.what} ${x.when}`) === "en";
    expect(agreementSets.labelled.length).toBeGreaterThanOrEqual(60);
    expect(agreementSets.labelled.filter((x) => !english(x)).length).toBeGreaterThanOrEqual(45);
    expect(agreementSets.labelled.filter(english).length).toBeGreaterThanOrEqual(15);
    expect(goalSets.labelled.length).toBeGreaterThanOrEqual(50);
    expect(goalSets.labelled.filter((g) => detectCheckLanguage(g.text) === "en").length).toBeGreaterThanOrEqual(15);
    for (const item of agreementSets.labelled) expect(item.concrete).toBe((item.parts ?? []).length === 0);
  });

  it.each(["labelled", "holdout", "blind"] as const)("agreements (%s) ≥ 0.85", (name) => {
    const result = measureAgreements(agreementSets[name]);
    report(`agreements.${name}`, result);
    expect(result.accuracy).toBeGreaterThanOrEqual(0.85);
  });

  it.each(["labelled", "holdout", "blind"] as const)("goals (%s) ≥ 0.85", (name) => {
    const result = measureGoals(goalSets[name]);
    report(`goals.${name}`, result);
    expect(result.accuracy).toBeGreaterThanOrEqual(0.85);
  });
});
