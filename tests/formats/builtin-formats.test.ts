// The built-in conversation formats: every JSON file must satisfy the schema and the
// conversation craft the product coaches (open, single questions; both languages written out).
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ChoiceOption, FieldDefinition, LocalizedText } from "../../dialogs/engine/types.js";
import { ConversationFormat, FormatPhase, FormatSection } from "../../bot/formats/schema.js";
import { MAX_TEXT_LIMIT, TEXT_LIMITS, textLimit } from "../../bot/formats/fields.js";

const BUILTIN_DIR = fileURLToPath(new URL("../../bot/formats/builtin/", import.meta.url));

const EXPECTED_KEYS = [
  "hgw-kindgesprek",
  "onderbouw-welbevinden",
  "middenbouw-kindgesprek",
  "bovenbouw-kindgesprek",
  "kindplan",
  "groepsgesprek",
  "leerlingbespreking",
  "startgesprek",
  "welbevinden-start",
];

/** Texts allowed to read the same in both languages (proper nouns); none needed so far. */
const SAME_IN_BOTH_LANGUAGES = new Set<string>([]);

/** A question starting with a finite verb is answered with yes or no. */
const CLOSED_NL =
  /^(Vind|Vond|Heb|Heeft|Had|Ben|Bent|Is|Was|Waren|Zijn|Kun|Kan|Kon|Wil|Wilde|Doe|Doet|Deed|Ga|Gaat|Mag|Moet|Zou|Zal|Weet|Snap|Word|Wordt|Lukt|Lukte|Voel|Voelt|Speel|Speelt|Maak|Maakt|Zie|Ziet|Hoor|Hoort)\b/i;
const CLOSED_EN = /^(Do|Does|Did|Are|Is|Was|Were|Have|Has|Had|Can|Could|Will|Would|Should|Shall|May|Might|Must)\b/i;
/** Words that judge the pupil have no place in a question to them. */
const JUDGING = /\b(stout|lui|dom|brutaal|vervelend|slecht|naughty|lazy|stupid|rude|annoying)\b/i;

interface LoadedFormat {
  file: string;
  raw: unknown;
  format: ConversationFormat;
}

function loadAll(): LoadedFormat[] {
  return readdirSync(BUILTIN_DIR)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => {
      const raw: unknown = JSON.parse(readFileSync(`${BUILTIN_DIR}${file}`, "utf8"));
      const parsed = ConversationFormat.safeParse(raw);
      if (!parsed.success) {
        throw new Error(`${file} does not match the schema:\n${JSON.stringify(parsed.error.issues, null, 2)}`);
      }
      return { file, raw, format: parsed.data };
    });
}

const formats = loadAll();

/** The newest version of a built-in format. */
function byKey(key: string): ConversationFormat {
  const found = formats.filter((f) => f.format.key === key).sort((a, b) => b.format.version - a.format.version)[0];
  if (!found) throw new Error(`no built-in format ${key}`);
  return found.format;
}

function sectionsOf(format: ConversationFormat): FormatSection[] {
  return format.phases.flatMap((phase) => phase.sections);
}

function fieldsOf(format: ConversationFormat): FieldDefinition[] {
  return sectionsOf(format).flatMap((section) => section.fields);
}

/** Every {nl, en} object in a parsed format, with where it sits. */
function localizedTexts(value: unknown, path = ""): { path: string; text: LocalizedText }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => localizedTexts(item, `${path}[${i}]`));
  if (value === null || typeof value !== "object") return [];
  const record = value as Record<string, unknown>;
  if (typeof record.nl === "string" && typeof record.en === "string" && Object.keys(record).length === 2) {
    return [{ path, text: { nl: record.nl, en: record.en } }];
  }
  return Object.entries(record).flatMap(([key, child]) => localizedTexts(child, path ? `${path}.${key}` : key));
}

/** The questions written for the pupil (or the group, or a colleague): examples and preparation. */
function questionsOf(format: ConversationFormat): { where: string; text: LocalizedText }[] {
  return [
    ...format.pupilQuestions.map((text, i) => ({ where: `pupilQuestions[${i}]`, text })),
    ...sectionsOf(format).flatMap((section) => section.exampleQuestions.map((text, i) => ({ where: `${section.id}.exampleQuestions[${i}]`, text }))),
    ...sectionsOf(format).flatMap((section) => (section.parentQuestions ?? []).map((text, i) => ({ where: `${section.id}.parentQuestions[${i}]`, text }))),
  ];
}

/** Keys in the raw JSON that the schema does not know (zod would drop them silently). */
function unknownKeys(raw: unknown): string[] {
  const problems: string[] = [];
  const check = (value: unknown, allowed: string[], where: string): Record<string, unknown> => {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) if (!allowed.includes(key)) problems.push(`${where}.${key}`);
    return record;
  };
  const format = check(raw, Object.keys(ConversationFormat.shape), "format");
  (format.phases as unknown[]).forEach((phaseRaw, p) => {
    const phase = check(phaseRaw, Object.keys(FormatPhase.shape), `phases[${p}]`);
    (phase.sections as unknown[]).forEach((sectionRaw, s) => {
      const section = check(sectionRaw, Object.keys(FormatSection.shape), `phases[${p}].sections[${s}]`);
      (section.fields as unknown[]).forEach((fieldRaw, f) => {
        const where = `phases[${p}].sections[${s}].fields[${f}]`;
        const field = check(fieldRaw, Object.keys(FieldDefinition.shape), where);
        ((field.options as unknown[] | undefined) ?? []).forEach((option, o) => check(option, Object.keys(ChoiceOption.shape), `${where}.options[${o}]`));
      });
    });
  });
  const walk = (value: unknown, where: string): void => {
    if (Array.isArray(value)) return value.forEach((item, i) => walk(item, `${where}[${i}]`));
    if (value === null || typeof value !== "object") return;
    const record = value as Record<string, unknown>;
    if ("nl" in record) check(record, Object.keys(LocalizedText.shape), where);
    else for (const [key, child] of Object.entries(record)) walk(child, `${where}.${key}`);
  };
  walk(raw, "format");
  return problems;
}

describe("built-in conversation formats", () => {
  it("includes every built-in format, each in versions 1, 2, … without gaps", () => {
    const keys = [...new Set(formats.map((f) => f.format.key))].sort();
    expect(keys).toEqual([...EXPECTED_KEYS].sort());
    for (const key of keys) {
      const versions = formats.filter((f) => f.format.key === key).map((f) => f.format.version);
      expect(
        versions.sort((a, b) => a - b),
        key,
      ).toEqual(versions.map((_, i) => i + 1));
    }
  });

  it("in the newest versions, a free-text field takes its kind's limit, which every channel can carry", () => {
    for (const key of EXPECTED_KEYS) {
      for (const field of fieldsOf(byKey(key))) {
        if (field.kind !== "shortText" && field.kind !== "longText") continue;
        expect(field.maxLength, `${key}.${field.id}`).toBeUndefined();
        expect(textLimit(field), `${key}.${field.id}`).toBe(TEXT_LIMITS[field.kind]);
      }
    }
    expect(Math.max(...Object.values(TEXT_LIMITS))).toBeLessThanOrEqual(MAX_TEXT_LIMIT);
  });

  it("in the newest versions, marks the pupil's explanation of a shareable item, so one share choice covers both", () => {
    const explained = (key: string) =>
      Object.fromEntries(
        fieldsOf(byKey(key))
          .filter((f) => f.explains)
          .map((f) => [f.id, f.explains]),
      );
    expect(explained("middenbouw-kindgesprek")).toEqual({ feelingNote: "feeling", howItWorked: "proudOf" });
    expect(explained("onderbouw-welbevinden")).toEqual({ feelingNote: "feeling", themes: "story" });
    expect(explained("hgw-kindgesprek")).toEqual({ whatIsDifferent: "exceptions" });
    expect(explained("welbevinden-start")).toEqual({ feelingNote: "feeling" });
    for (const key of ["bovenbouw-kindgesprek", "kindplan", "groepsgesprek", "leerlingbespreking", "startgesprek"]) expect(explained(key), key).toEqual({});
  });

  describe.each(formats)("$file", ({ file, raw, format }) => {
    it("is named after its key and version", () => {
      expect(file).toBe(`${format.key}.v${format.version}.json`);
    });

    it("uses only keys the schema knows", () => {
      expect(unknownKeys(raw)).toEqual([]);
    });

    it("has every text in Dutch and in English, translated", () => {
      const texts = localizedTexts(format);
      expect(texts.length).toBeGreaterThan(0);
      for (const { path, text } of texts) {
        expect(text.nl.trim(), `${path}.nl`).not.toBe("");
        expect(text.en.trim(), `${path}.en`).not.toBe("");
        if (!SAME_IN_BOTH_LANGUAGES.has(text.nl)) {
          expect(text.en, `${path} reads the same in both languages`).not.toBe(text.nl);
        }
      }
    });

    it("stays compact: at most 12 sections, 1–5 fields each, short labels", () => {
      const sections = sectionsOf(format);
      expect(sections.length).toBeLessThanOrEqual(12);
      for (const section of sections) {
        expect(section.fields.length, section.id).toBeGreaterThanOrEqual(1);
        expect(section.fields.length, section.id).toBeLessThanOrEqual(5);
        expect(section.intro, `${section.id} has an intro`).toBeDefined();
        expect(section.tips.length, section.id).toBeLessThanOrEqual(3);
        expect(section.exampleQuestions.length, section.id).toBeLessThanOrEqual(5);
        for (const field of section.fields) {
          expect(field.label.nl.length, `${section.id}.${field.id}`).toBeLessThanOrEqual(120);
          expect(field.label.en.length, `${section.id}.${field.id}`).toBeLessThanOrEqual(120);
        }
      }
    });

    it("gives text fields a limit every channel can carry and choice options distinct values", () => {
      for (const section of sectionsOf(format)) {
        for (const field of section.fields) {
          if (field.kind === "shortText" || field.kind === "longText") {
            expect(textLimit(field), `${section.id}.${field.id}`).toBeLessThanOrEqual(MAX_TEXT_LIMIT);
          }
          const values = (field.options ?? []).map((o) => o.value);
          expect(new Set(values).size, `${section.id}.${field.id}`).toBe(values.length);
        }
      }
    });

    it("offers example questions in the pupil-facing sections", () => {
      if (format.subject === "colleague") return;
      for (const phase of format.phases) {
        if (phase.id !== "romp") continue;
        for (const section of phase.sections) {
          expect(section.exampleQuestions.length, section.id).toBeGreaterThanOrEqual(2);
        }
      }
    });

    it("asks open, single, non-judging questions", () => {
      for (const { where, text } of questionsOf(format)) {
        for (const lang of ["nl", "en"] as const) {
          const question = text[lang].trim();
          expect(question.endsWith("?"), `${where}.${lang}: ${question}`).toBe(true);
          expect(question.split("?").length - 1, `${where}.${lang} holds one question: ${question}`).toBe(1);
          expect(JUDGING.test(question), `${where}.${lang} judges: ${question}`).toBe(false);
        }
        expect(CLOSED_NL.test(text.nl.trim()), `${where}.nl is a yes/no question: ${text.nl}`).toBe(false);
        expect(CLOSED_EN.test(text.en.trim()), `${where}.en is a yes/no question: ${text.en}`).toBe(false);
      }
    });

    it("marks only pupil-facing formats' answers as shareable with parents", () => {
      if (format.subject === "pupil") return;
      expect(
        fieldsOf(format)
          .filter((f) => f.shareable)
          .map((f) => f.id),
      ).toEqual([]);
    });
  });

  it("startgesprek has the parents at the table: questions for them, no share questions, the standard plan", () => {
    const format = byKey("startgesprek");
    expect(format.withParents).toBe(true);
    expect(format.closeWithPlan).toBe(true);
    expect(sectionsOf(format).map((s) => s.id)).toEqual(["welkom", "kind", "thuis", "school", "ditJaar"]);
    for (const section of sectionsOf(format)) expect(section.parentQuestions?.length, section.id).toBeGreaterThanOrEqual(1);
    expect(fieldsOf(format).filter((f) => f.shareable)).toEqual([]);
    // A shareable field in a format with parents is refused: nothing is asked that the parents already heard.
    const withShare = structuredClone(format);
    withShare.phases[0]!.sections[0]!.fields[0]!.shareable = true;
    expect(ConversationFormat.safeParse(withShare).success).toBe(false);
    // Formats without the marker load as before: it stays absent rather than defaulted.
    expect("withParents" in byKey("kindplan")).toBe(false);
  });

  it("hgw-kindgesprek follows the four phases and leaves the plan to the standard closing", () => {
    const format = byKey("hgw-kindgesprek");
    expect(format.phases.map((p) => p.id)).toEqual(["voorbereiding", "introductie", "romp", "afronding"]);
    expect(format.audience.sort()).toEqual(["bovenbouw", "middenbouw", "onderbouw"]);
    expect(format.closeWithPlan).toBe(true);
    expect(fieldsOf(format).some((f) => f.coach)).toBe(true);
  });

  it("onderbouw-welbevinden is quick, with picture themes and feelings shown as icons", () => {
    const format = byKey("onderbouw-welbevinden");
    expect(format.quick).toBe(true);
    expect(format.audience).toEqual(["onderbouw"]);
    const choices = fieldsOf(format).filter((f) => f.kind === "singleChoice" || f.kind === "multiChoice");
    const themes = choices.find((f) => f.id === "themes");
    expect(themes?.options?.map((o) => o.value).sort()).toEqual(
      ["help", "knowledge", "fun", "together", "talent", "feelings", "myself", "pride", "freeTime", "learning"].sort(),
    );
    for (const field of choices) {
      for (const option of field.options ?? []) expect(option.icon, `${field.id}.${option.value}`).toBeTruthy();
    }
    expect(choices.some((f) => f.id === "feeling")).toBe(true);
    expect(sectionsOf(format).length).toBeLessThanOrEqual(4);
  });

  it("welbevinden-start is a short check for groep 3–8: faces, no plan, and what is said about classmates stays at school", () => {
    const format = byKey("welbevinden-start");
    expect(format.audience.sort()).toEqual(["bovenbouw", "middenbouw"]);
    expect(format.closeWithPlan).toBe(false);
    expect(format.quick).toBe(false);
    expect(sectionsOf(format).length).toBeLessThanOrEqual(4);
    const feeling = fieldsOf(format).find((f) => f.id === "feeling");
    for (const option of feeling?.options ?? []) expect(option.icon, option.value).toBeTruthy();
    // Names of classmates and what goes less well with others are never offered to the parents.
    const byId = (id: string) => fieldsOf(format).find((f) => f.id === id);
    expect(byId("likesWorkingWith")?.shareable).toBe(false);
    expect(byId("harderWhen")?.shareable).toBe(false);
    expect(byId("harderWhen")?.label.nl).toMatch(/zonder namen/);
    // "What helps me" is an onderwijsbehoefte for the groepsplan.
    expect(byId("helpsMe")).toMatchObject({ shareable: true, educationalNeed: true });
  });

  it("bovenbouw-kindgesprek prepares the pupil and makes all four ownership skills visible", () => {
    const format = byKey("bovenbouw-kindgesprek");
    expect(format.pupilPreparation).toBe(true);
    expect(format.pupilQuestions.length).toBeGreaterThanOrEqual(5);
    expect(format.pupilQuestions.length).toBeLessThanOrEqual(8);
    const skills = new Set(fieldsOf(format).flatMap((f) => f.skills));
    expect([...skills].sort()).toEqual(["ownGoals", "selfEvaluation", "selfInstruction", "selfMonitoring"]);
    const target = fieldsOf(format).find((f) => f.id === "targetScore");
    expect(target?.kind).toBe("number");
    expect(target?.skills).toContain("ownGoals");
  });

  it("groepsgesprek is held with the group and ends with a group plan", () => {
    const format = byKey("groepsgesprek");
    expect(format.subject).toBe("group");
    expect(format.closeWithPlan).toBe(true);
  });

  it("leerlingbespreking is held with a colleague and sharpens the concern into an observable goal", () => {
    const format = byKey("leerlingbespreking");
    expect(format.subject).toBe("colleague");
    const goal = fieldsOf(format).find((f) => f.id === "observableGoal");
    expect(goal).toBeDefined();
    expect(goal?.required).toBe(true);
    expect(goal?.help?.nl).toBeTruthy();
  });

  it("leerlingbespreking v3 is held without the pupil: no kindplan, no skills, an educational goal and an onderwijsbehoefte", () => {
    const format = byKey("leerlingbespreking");
    expect(format.version).toBeGreaterThanOrEqual(3);
    expect(format.closeWithPlan).toBe(false);
    expect(format.closeWithEducationalGoal).toBe(true);
    expect(fieldsOf(format).flatMap((f) => f.skills)).toEqual([]);
    expect(fieldsOf(format).filter((f) => f.shareable)).toEqual([]);
    expect(
      fieldsOf(format)
        .filter((f) => f.educationalNeed)
        .map((f) => f.id),
    ).toEqual(["needs"]);
    // An educational goal needs a goal to carry through, and only a colleague meeting closes that way.
    const withoutGoal = { ...format, phases: format.phases.map((p) => ({ ...p, sections: p.sections.filter((s) => s.id !== "doelScherpstellen") })) };
    expect(ConversationFormat.safeParse(withoutGoal).success).toBe(false);
    expect(ConversationFormat.safeParse({ ...format, subject: "pupil" }).success).toBe(false);
  });

  it("every format names at least one ownership skill, except the colleague meeting", () => {
    for (const { format } of formats) {
      if (format.subject === "colleague") continue;
      expect(
        fieldsOf(format).some((f) => f.skills.length > 0),
        format.key,
      ).toBe(true);
    }
  });
});

describe("the format schema on explanations and share questions", () => {
  const withFields = (fields: unknown[]) => {
    const raw = JSON.parse(JSON.stringify(byKey("kindplan"))) as { phases: { sections: { fields: unknown[] }[] }[] };
    raw.phases[0]!.sections[0]!.fields = fields;
    return ConversationFormat.safeParse(raw);
  };
  const label = { nl: "Vraag", en: "Question" };
  const item = { id: "feeling", kind: "shortText", label, shareable: true };

  it("accepts an explanation of a shareable item in the same section", () => {
    expect(withFields([item, { id: "note", kind: "longText", label, explains: "feeling" }]).success).toBe(true);
  });

  it("refuses an explanation of a missing or unshareable field, of itself, or one that is shareable itself", () => {
    expect(withFields([item, { id: "note", kind: "longText", label, explains: "elsewhere" }]).success).toBe(false);
    expect(
      withFields([
        { ...item, shareable: false },
        { id: "note", kind: "longText", label, explains: "feeling" },
      ]).success,
    ).toBe(false);
    expect(withFields([{ ...item, explains: "feeling" }]).success).toBe(false);
    expect(withFields([item, { id: "note", kind: "longText", label, explains: "feeling", shareable: true }]).success).toBe(false);
  });

  it("keeps the share question's id free: no field id ends in __share", () => {
    expect(withFields([item, { id: "feeling__share", kind: "yesNo", label }]).success).toBe(false);
  });
});
