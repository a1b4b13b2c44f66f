// The gate every suggestion passes (shape-check.ts + the detector), two topics in one question,
// the judging flag, and the fallbacks (topic question, question stem).
import { describe, expect, it } from "vitest";
import { coachQuestion, FLAG_ORDER, type Flag } from "../../bot/coach/index.js";
import { isMessageKey, translate } from "../../bot/i18n/translate.js";
import { isQuestionStem, questionStem } from "../../bot/coach/fallback.js";
import { shapeProblem } from "../../bot/coach/shape-check.js";

function flagsOf(text: string): Flag[] {
  return coachQuestion(text).flags;
}

/** The question the teacher should ask first: for multiple questions, the part before the advice. */
function firstQuestion(suggestion: string): string {
  const cut = suggestion.indexOf(" (");
  return cut > 0 ? suggestion.slice(0, cut) : suggestion;
}

describe("shape check", () => {
  it.each([
    ["Hoe gaat het met zus je helpen met de sommen?", "broken-topic"],
    ["Hoe gaat het met goed samenwerken met Bram?", "broken-topic"],
    ["Hoe gaat het met de tafel van 6 opzeggen?", "broken-topic"],
    ["Hoe gaat het met je op maandag moe?", "broken-topic"],
    ["Wat kun je me vertellen over je helpen?", "broken-topic"],
    ["Hoe vind je het en?", "dangling-end"],
    ["Hoe speel je met Sem en zo niet?", "dangling-end"],
    ["Wat wil je leren met?", "dangling-end"],
    ["Hoe gaat het met het met de sommen?", "repeated-words"],
    ["Welk denk je dat doel we kozen?", "no-verb-after-question-word"],
    ["Vind je het leuk?", "no-question-word"],
    ["En met spelling?", "no-question-word"],
    ["Wat vind je ervan? En waarom?", "not-one-question"],
    ["Wat kun je vertellen of je het leuk vond?", "embedded-yes-no"],
    ["How do the instructions were clear?", "verb-after-do"],
    ["What can you tell me whether it was fun?", "embedded-yes-no"],
    ["How is it going with and?", "dangling-end"],
    ["Hoe durf je in de kring iets te vertellen?", "no-verb-after-question-word"],
    ["Hoe vond je het niet?", "dangling-end"],
    ["What is that why like for you?", "repeated-words"],
    ["How did you play football or tag at break?", "choice-left"],
    ["Hoe is het voor jou een beetje rustig?", "broken-topic"],
    ["Hoe gaat het met het thuis?", "broken-topic"],
    ["Hoe gaat het met een rustig?", "dangling-end"],
    ["How did it go with to a museum?", "dangling-end"],
    ["What happens when you try to and Omar work together?", "dangling-end"],
    ["How did you your best?", "verb-after-do"],
    ["What do you think to do when you finish?", "no-verb-after-question-word"],
    ["How are things going for you to the football club?", "dangling-end"],
    ["Hoe zijn de sommen te voor je?", "dangling-end"],
    ["Hoe gaat het om morgen je spullen mee te nemen?", "no-verb-after-question-word"],
    ["Wat kun je me vertellen over je elke?", "broken-topic"],
    ["Hoe ophalt je opa je na school?", "no-verb-after-question-word"],
    ["Wat vind jij ervan als je thuis laat opblijvt?", "broken-topic"],
  ])("rejects %s (%s)", (candidate, problem) => {
    expect(shapeProblem(candidate, /^(How|What)/u.test(candidate) ? "en" : "nl")).toBe(problem);
  });

  it.each([
    "Wat vind je van rekenen?",
    "Hoe voel je je in de klas?",
    "Met wie speel je graag?",
    "Welk boek kies je?",
    "Hoe ver ben je met je werkstuk?",
    "Als je een som niet snapt, wat doe je dan?",
    "Wat maakte het lastig om om hulp te vragen?",
    "Hoe gaat het uitkiezen van een boek in de bibliotheek?",
    "Ik zag dat je snel klaar was. Hoe kwam dat?",
    "Waarom denk je dat?",
    "Who do you work well with?",
    "What did you do at break?",
    "What can you tell me about the sums?",
    "Wanneer kijken we of het gelukt is?",
    "Wat ga je straks met Noor spelen?",
    "Hoe gaat het met je vandaag?",
    "Welk verschil merk jij tussen rekenen en taal?",
    "Wat zou je helpen om aan je gymtas te denken?",
    "How would you like to sit?",
    "What was that like for you?",
  ])("accepts %s", (candidate) => {
    expect(shapeProblem(candidate, /^(Who|What|How)/u.test(candidate) ? "en" : "nl")).toBeNull();
  });
});

describe("two topics in one question", () => {
  it.each([
    "Hoe gaat het met tekenen en met schrijven?",
    "Wat gaat er goed in de klas en op het plein?",
    "Wat vind je van rekenen en taal?",
    "Hoe gaat het met lezen of met spelling?",
    "What do you do at home and at school?",
    "How is it going with reading and maths?",
  ])("flags %s as multiple and splits it per topic", (q) => {
    const result = coachQuestion(q);
    expect(result.flags).toEqual(["multiple"]);
    const first = firstQuestion(result.suggestion ?? "");
    expect(shapeProblem(first, result.language)).toBeNull();
    expect(flagsOf(first)).toEqual([]);
  });

  it("keeps the frame for each topic", () => {
    expect(coachQuestion("Hoe gaat het met tekenen en met schrijven?").suggestion).toBe(
      'Hoe gaat het met tekenen? (Stel daarna pas, apart, de volgende vraag: "Hoe gaat het met schrijven?")',
    );
    expect(coachQuestion("Hoe gaat het met rekenen? En met spelling?").suggestion).toContain('"Hoe gaat het met spelling?"');
  });

  it.each([
    "Hoe gaat het met de tafels van 6 en 7?",
    "Hoe werk je samen met Bram en Sem?",
    "Wat is het verschil tussen lezen en schrijven?",
    "What is the difference between reading and writing?",
  ])("does not flag a list inside one topic: %s", (q) => {
    expect(flagsOf(q)).not.toContain("multiple");
  });
});

describe("judging wording", () => {
  it.each([
    "Wat is er fout aan je tekening?",
    "Hoe kan het dat je je leesboek weer vergeten bent?",
    "Hoe kan het dat jullie zoveel lawaai maken?",
    "Waarom ben je alweer te laat?",
    "Wat deed je fout bij de toets?",
    "What is wrong with your handwriting?",
    "How could you forget your PE kit?",
    "You forgot your reading book again?",
  ])("flags %s", (q) => {
    expect(flagsOf(q)).toContain("judging");
  });

  it.each(["Wat ging er fout?", "Welke fouten zie je zelf in je som?", "Wat wil je weer doen in de pauze?", "Who do you go to when something is wrong?"])(
    "does not flag neutral wording: %s",
    (q) => {
      expect(flagsOf(q)).not.toContain("judging");
    },
  );

  it("asks neutrally about what was forgotten", () => {
    expect(coachQuestion("Hoe kan het dat je je gymtas weer vergeten bent?").suggestion).toBe("Wat zou je helpen om aan je gymtas te denken?");
  });
});

describe("suggestions are never broken", () => {
  it.each([
    ["Kan je zus je helpen met de sommen?", "Hoe helpt je zus je met de sommen?"],
    ["Kan je broer je helpen met de spelling?", "Hoe helpt je broer je met de spelling?"],
    ["Kun je goed samenwerken met Bram?", "Hoe gaat het samenwerken met Bram?"],
    ["Kun je al zelf rekenen met breuken?", "Hoe gaat het rekenen met breuken?"],
    ["Vind je het spannend of leuk?", "Hoe voelt het voor jou?"],
    ["Vond je het moeilijk of makkelijk?", "Hoe voelt het voor jou?"],
    ["Het komt natuurlijk door de drukte, of niet?", "Waar komt het door, volgens jou?"],
    ["Het ligt vast aan de uitleg, toch?", "Waar ligt het aan, volgens jou?"],
    ["Vind je tekenen of knutselen leuker?", "Welk verschil merk jij tussen tekenen en knutselen?"],
  ])("%s → %s", (q, expected) => {
    const result = coachQuestion(q);
    expect(result.suggestion).toBe(expected);
    expect(shapeProblem(expected, "nl")).toBeNull();
  });

  it("falls back to a question stem when not even the topic is certain", () => {
    const result = coachQuestion("Zit het goed?");
    expect(result.suggestion).not.toBeNull();
    const s = result.suggestion ?? "";
    expect(s.endsWith("?") && (shapeProblem(s, "nl") === null || /…\?$/u.test(s))).toBe(true);
  });
});

describe("flag texts", () => {
  it("has a Dutch and an English name for every flag the teacher can be shown", () => {
    for (const flag of FLAG_ORDER) {
      const key = `coach.${flag}`;
      expect(isMessageKey(key), key).toBe(true);
      if (!isMessageKey(key)) continue;
      expect(translate("nl", key)).not.toBe(translate("en", key));
    }
    expect(translate("nl", "coach.judging")).toBe("oordelend of verwijtend");
  });
});

describe("every suggestion passes the gate", () => {
  // Questions whose template rewrites came out broken before the gate existed.
  it.each([
    "Kan je zus je helpen met de sommen?",
    "Kan je zelf een boek uitkiezen in de bibliotheek?",
    "Could you tell me whether the instructions were clear?",
    "Speel je nog met Sem, en zo niet, met wie dan wel?",
    "Ben je op maandag altijd zo moe?",
    "Snap je waarom dat niet mag?",
    "Dat was best een lastige toets, hè?",
    "Heb je een fijne vakantie gehad?",
    "Is your brother in this school?",
    "Is de uitleg duidelijk?",
    "Is het lastig of makkelijk?",
    "Do you find spelling hard or easy?",
    "Weet je nog welk doel we in oktober samen hebben gekozen?",
    "Hoe gaat het met rekenen? En met spelling?",
    "Zullen we afspreken dat je elke dag tien minuten leest?",
    "Is het thuis een beetje rustig?",
    "Is that why you were crying?",
    "Did you play football or tag at break?",
    "Je vond het vast niet leuk, he?",
    "Durf je in de kring iets te vertellen?",
    "Kan je opa je ophalen na school?",
    "Mag je thuis laat opblijven?",
    "Heb je thuis een rustig plekje om te lezen?",
    "Zijn de sommen te moeilijk voor je?",
    "Is er iemand die je pest?",
    "Ik zag dat je vandaag alleen speelde. Vond je dat fijn?",
    "Would you like more help with spelling?",
    "Have you ever been to a museum?",
    "Can you and Omar work together on the poster?",
    "You did your best, right?",
    "Do you know what to do when you finish?",
    "Will your dad come to the meeting?",
  ])("%s", (q) => {
    const result = coachQuestion(q);
    const suggestion = result.suggestion ?? "";
    const isStem = isQuestionStem(suggestion);
    for (const part of isStem ? [] : [firstQuestion(suggestion), /"(.+)"\)$/u.exec(suggestion)?.[1]]) {
      if (part === undefined) continue;
      expect(shapeProblem(part, result.language), `${q} → ${suggestion}`).toBeNull();
      expect(flagsOf(part), `${q} → ${suggestion}`).toEqual([]);
    }
  });
});

describe("question stems", () => {
  it("are fixed texts per flag and language, each ending in a question or a stem with '…?'", () => {
    for (const language of ["nl", "en"] as const) {
      for (const flag of FLAG_ORDER) {
        const stem = questionStem([flag], language);
        expect(isQuestionStem(stem)).toBe(true);
        const ending = stem.slice(stem.lastIndexOf(":") + 1).trim();
        expect(ending.endsWith("…?") || shapeProblem(ending, language) === null, stem).toBe(true);
      }
    }
    expect(questionStem(["closed", "judging"], "nl")).toBe(questionStem(["judging"], "nl"));
  });
});
