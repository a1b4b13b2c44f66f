import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { coachQuestion, detectLanguage, FLAG_ORDER, parseLabelledSet, type Flag, type Language } from "../../bot/coach/index.js";
import { isQuestionStem } from "../../bot/coach/fallback.js";
import { isWellShaped } from "../../bot/coach/shape-check.js";

function loadSet(name: string) {
  return parseLabelledSet(JSON.parse(readFileSync(new URL(name, import.meta.url), "utf8")));
}
const labelled = loadSet("./questions.labelled.json");
const holdout = loadSet("./questions.holdout.json");

/** The question the teacher should ask first: for multiple questions, the part before the advice. */
function firstQuestion(suggestion: string): string {
  const cut = suggestion.indexOf(" (");
  return cut > 0 ? suggestion.slice(0, cut) : suggestion;
}

function flagsOf(text: string, lang?: Language): Flag[] {
  return coachQuestion(text, lang).flags;
}

describe("closed questions", () => {
  it.each([
    "Vind je rekenen leuk?",
    "Heb je je huiswerk af?",
    "Ben je blij met je werk?",
    "Kun je de tafel van 3 opzeggen?",
    "Wil je vandaag naast Daan zitten?",
    "Gaat het goed met lezen?",
    "Snap je de uitleg?",
    "Is het moeilijk om stil te zitten?",
    "Doe je mee met voetbal?",
    "Lukt het om zelf te beginnen?",
    "Weet je nog wat je doel was?",
  ])("flags Dutch yes/no question %s", (q) => {
    expect(flagsOf(q)).toEqual(["closed"]);
  });

  it.each([
    "Do you like reading?",
    "Are you happy in class?",
    "Is it hard to start on your own?",
    "Can you read this book by yourself?",
    "Did you finish your task?",
    "Have you got a best friend?",
    "Would you like to sit by the window?",
    "Will you practise your spellings tonight?",
  ])("flags English yes/no question %s", (q) => {
    expect(flagsOf(q)).toEqual(["closed"]);
  });

  it("treats polite tell/explain/show requests as open (documented choice)", () => {
    expect(flagsOf("Kun je vertellen hoe je deze som hebt opgelost?")).toEqual([]);
    expect(flagsOf("Wil je me uitleggen wat je in de pauze deed?")).toEqual([]);
    expect(flagsOf("Kun je een voorbeeld geven van iets wat goed ging?")).toEqual([]);
    expect(flagsOf("Can you tell me how you worked this out?")).toEqual([]);
    expect(flagsOf("Could you show me the part you like best?")).toEqual([]);
  });

  it("keeps 'tell me whether' requests closed", () => {
    expect(flagsOf("Kun je vertellen of je het leuk vond?")).toEqual(["closed"]);
    expect(flagsOf("Can you tell me if you enjoyed it?")).toEqual(["closed"]);
  });

  it("flags either/or choice questions as closed, not as multiple (documented choice)", () => {
    expect(flagsOf("Vind je rekenen of taal leuker?")).toEqual(["closed"]);
    expect(flagsOf("Wil je alleen werken of wil je samenwerken?")).toEqual(["closed"]);
    expect(flagsOf("Wat vind je fijner, zelf lezen of voorlezen?")).toEqual(["closed"]);
    expect(flagsOf("Do you prefer maths or reading?")).toEqual(["closed"]);
    expect(flagsOf("Which do you like more, drawing or writing?")).toEqual(["closed"]);
  });

  it("does not treat examples offered after an open question as a forced choice", () => {
    expect(flagsOf("Wat speel je in de pauze, bijvoorbeeld voetbal of tikkertje?")).toEqual([]);
  });

  it("flags a statement asked as a question", () => {
    expect(flagsOf("Je vond de toets moeilijk?")).toEqual(["closed"]);
    expect(flagsOf("Als je vastloopt, vraag je dan hulp?")).toEqual(["closed"]);
  });
});

describe("multiple questions", () => {
  it.each([
    "Wat vind je moeilijk en waarom denk je dat?",
    "Wat ging goed en wat kan beter?",
    "Hoe ging het in de pauze? Met wie speelde je?",
    "Wat vind je moeilijk bij spelling en waarom?",
    "What went well and what would you change?",
    "How was your weekend? What did you do?",
    "What do you find hard and why?",
  ])("flags %s", (q) => {
    expect(flagsOf(q)).toEqual(["multiple"]);
  });

  it("combines with closed when one part is a yes/no question", () => {
    expect(flagsOf("Wat vond je van het project en heb je iets geleerd?")).toEqual(["closed", "multiple"]);
    expect(flagsOf("Are you happy with your story and what would you change?")).toEqual(["closed", "multiple"]);
  });

  it("does not flag coordinated question words or an elliptical 'and what not'", () => {
    expect(flagsOf("Waar en wanneer lees je het liefst?")).toEqual([]);
    expect(flagsOf("Wat wil je dat ik aan je ouders vertel, en wat liever niet?")).toEqual([]);
    expect(flagsOf("What would you like me to tell your parents, and what not?")).toEqual([]);
  });
});

describe("leading and judging questions", () => {
  it.each([
    "Waarom doe je dat nou altijd?",
    "Waarom ben je zo druk in de klas?",
    "Waarom heb je je werk niet afgemaakt?",
    "Waarom is je schrift zo slordig?",
    "Wat ga je doen aan je luie houding?",
    "Waarom vraag je niet gewoon om hulp?",
    "Why are you always late?",
    "Why didn't you finish your work?",
    "Why are you so lazy today?",
    "Why don't you just ask for help?",
    "How can you be less sloppy?",
  ])("flags judging or blaming wording as judging: %s", (q) => {
    expect(flagsOf(q)).toEqual(["judging"]);
  });

  it.each([
    "Je vindt lezen leuk, toch?",
    "Het ging goed, hè?",
    "Zou je niet beter eerst je rekenwerk afmaken?",
    "Moet je niet beter opletten?",
    "Is het niet handiger om eerst te plannen?",
    "You like maths, right?",
    "That was easy, wasn't it?",
    "Wouldn't it be better to start with the easy sums?",
    "Shouldn't you ask for help?",
  ])("flags tags and advice dressed as a question as closed and leading: %s", (q) => {
    expect(flagsOf(q)).toEqual(["closed", "leading"]);
  });

  it("does not flag a neutral why or the pupil's own feelings", () => {
    expect(flagsOf("Waarom vind je lezen moeilijk?")).toEqual([]);
    expect(flagsOf("Waarom?")).toEqual([]);
    expect(flagsOf("Wat vind je vervelend in de pauze?")).toEqual([]);
    expect(flagsOf("Wanneer vind je het te druk in de klas?")).toEqual([]);
    expect(flagsOf("Why did you choose this book?")).toEqual([]);
    expect(flagsOf("What do you find annoying at break?")).toEqual([]);
  });
});

describe("good open questions", () => {
  it.each([
    "Wat vind je het leukste aan rekenen?",
    "Met wie speel je graag in de pauze?",
    "Hoe weet je dat je klaar bent?",
    "Wat heb je nodig om zelfstandig te werken?",
    "Als je klaar bent, wat doe je dan?",
    "Ik zag dat je snel klaar was. Hoe kwam dat?",
    "What helps you to concentrate?",
    "Who could help you when you are stuck?",
    "Tell me about your drawing.",
  ])("leaves %s alone", (q) => {
    const result = coachQuestion(q);
    expect(result.flags).toEqual([]);
    expect(result.suggestion).toBeNull();
  });
});

describe("result shape", () => {
  it("reports flags in fixed order without duplicates and keeps the trimmed question", () => {
    const result = coachQuestion("  Waarom ben je zo stout geweest, en vind je dat zelf niet erg?  ");
    expect(result.question).toBe("Waarom ben je zo stout geweest, en vind je dat zelf niet erg?");
    expect(result.flags).toEqual(FLAG_ORDER.filter((f) => result.flags.includes(f)));
    expect(new Set(result.flags).size).toBe(result.flags.length);
  });

  it("detects the language, and honours an explicit one", () => {
    expect(detectLanguage("Hoe gaat het met je?")).toBe("nl");
    expect(detectLanguage("How are you getting on?")).toBe("en");
    expect(detectLanguage("Why?")).toBe("en");
    expect(detectLanguage("Waarom?")).toBe("nl");
    expect(coachQuestion("Vind je rekenen leuk?").language).toBe("nl");
    expect(coachQuestion("Do you like maths?").language).toBe("en");
    expect(coachQuestion("Do you like maths?", "en").language).toBe("en");
  });

  it("handles empty input", () => {
    expect(coachQuestion("   ")).toEqual({ question: "", flags: [], suggestion: null, language: "nl" });
  });

  it("is deterministic", () => {
    const q = "Waarom luister je nooit naar de juf?";
    expect(coachQuestion(q)).toEqual(coachQuestion(q));
  });
});

describe("suggestions", () => {
  it("rewrites the canonical closed examples into open questions", () => {
    expect(coachQuestion("Vind je rekenen leuk?").suggestion).toBe("Wat vind je van rekenen?");
    expect(coachQuestion("Do you like reading?").suggestion).toBe("What do you think about reading?");
    expect(coachQuestion("Vind je rekenen of taal leuker?").suggestion).toBe("Welk verschil merk jij tussen rekenen en taal?");
  });

  it("keeps the first of several questions and advises asking the second afterwards", () => {
    const nl = coachQuestion("Wat vind je moeilijk en waarom denk je dat?").suggestion ?? "";
    expect(firstQuestion(nl)).toBe("Wat vind je moeilijk?");
    expect(nl).toContain("Waarom denk je dat?");
    const en = coachQuestion("What went well and what would you change?").suggestion ?? "";
    expect(firstQuestion(en)).toBe("What went well?");
    expect(en).toContain("What would you change?");
  });

  it.each([
    ["Waarom ben je zo druk in de klas?", "druk"],
    ["Waarom is je werk zo slordig?", "slordig"],
    ["Wat vind je van je slordige handschrift?", "slordig"],
    ["Waarom doe je dat nou altijd?", "altijd"],
    ["Waarom luister je nooit naar de juf?", "nooit"],
    ["Je vindt rekenen leuk, toch?", "toch"],
    ["Het ging goed vandaag, hè?", "hè"],
    ["Why are you so lazy during maths?", "lazy"],
    ["Why is your work so messy?", "messy"],
    ["Why are you always late?", "always"],
    ["You like reading, right?", "right"],
    ["How can you be less sloppy in your handwriting?", "sloppy"],
  ])("rephrases %s without the judging word", (q, judging) => {
    const result = coachQuestion(q);
    expect(result.suggestion).not.toBeNull();
    const suggestion = result.suggestion ?? "";
    expect(suggestion.toLowerCase().split(/[^\p{L}']+/u)).not.toContain(judging);
    expect(flagsOf(suggestion, result.language)).toEqual([]);
    expect(detectLanguage(suggestion)).toBe(result.language);
  });

  it("turns blame and advice into open questions about the pupil's own view", () => {
    expect(coachQuestion("Waarom heb je je huiswerk niet gemaakt?").suggestion).toBe("Wat maakte het lastig om je huiswerk te maken?");
    expect(coachQuestion("Why didn't you do your homework?").suggestion).toBe("What made it hard to do your homework?");
    expect(coachQuestion("Moet je niet wat beter opletten tijdens de instructie?").suggestion).toBe("Wat zou jou helpen tijdens de instructie?");
  });

  it("gives every flagged question of the labelled sets an open, neutral suggestion in the same language", () => {
    let stems = 0;
    for (const item of [...labelled, ...holdout]) {
      const result = coachQuestion(item.question);
      if (result.flags.length === 0) {
        expect(result.suggestion, item.question).toBeNull();
        continue;
      }
      const suggestion = result.suggestion ?? "";
      expect(suggestion.length, item.question).toBeGreaterThan(0);
      expect(suggestion, item.question).not.toBe(item.question);
      if (isQuestionStem(suggestion)) {
        stems++; // a fixed text (tested in gate.test.ts), shown when no wording passes the gate
        continue;
      }
      expect(flagsOf(firstQuestion(suggestion), result.language), `${item.question} → ${suggestion}`).toEqual([]);
      expect(detectLanguage(firstQuestion(suggestion)), `${item.question} → ${suggestion}`).toBe(result.language);
      expect(isWellShaped(firstQuestion(suggestion), result.language), `${item.question} → ${suggestion}`).toBe(true);
    }
    // 4 since issue 11's grammar gate: "Waarom gedraag je je zo kinderachtig?" no longer gets the
    // justification-demanding "Waarom gedraag je je?", and "…, working alone or with a partner?" no longer
    // gets "What can you tell me about a partner?"; a stem is the honest answer for both.
    expect(stems).toBeLessThanOrEqual(4);
  });
});
