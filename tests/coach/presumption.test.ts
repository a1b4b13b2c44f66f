// Issue 11: presumption structures (leading/judging without a trigger word), the grammar half of the
// gate for rebuilt questions (shape-grammar.ts), and the rewrites that take a presumption out.
import { describe, expect, it } from "vitest";
import { coachQuestion, type Flag } from "../../bot/coach/index.js";
import { shapeProblem } from "../../bot/coach/shape-check.js";

function flagsOf(text: string): Flag[] {
  return coachQuestion(text).flags;
}

describe("grammar gate", () => {
  it.each([
    "Hoe heb je het liefst?", // "hoe" + hebben without a participle
    "Hoe zat je te tekenen bij de les?", // "hoe" + a posture verb
    "Hoe lag je schrift op tafel?",
    "Hoe gaat het een beetje op school?", // hedge of the closed form left in
    "Hoe ging het gisteren best met lezen?",
    "Wat snap je al van de opdracht over dieren nu?", // adverb stranded after the phrase
    "Hoe gaat het dan vorige week?", // comparison leftover
    "Wat weet je al van of je vader kan komen?", // preposition + conjunction
    "Wat maakt het lastig om het door om hulp te vragen?",
    "Wat maakt dat je loopt naar de gang?", // finite verb not at the end after "dat je"
    "Hoe gaat het met een zusje?", // indefinite where the pupil's own thing is meant
    "Hoe gaat het met je opruimen?", // infinitive as a noun
    "Wat kun je me vertellen over dat Sem?", // a clause cut short
    "Hoe gaat het met het allermooiste?", // superlative as topic
    "Hoe gaat het met je op?",
    "Hoe voel je je om zoiets?", // "om" + pronoun without "te"
    "Wat maakt dat je altijd moet helpen?",
    "Wat maakt het lastig om je werk weer af te maken?", // a reproachful "weer" kept
    "Wat maakt het lastig om werk af te zijn?",
    "What can you tell me about the new?",
    "Hoe voel je je in je schrift?", // a feeling is not located in the pupil's own thing
    "Hoe doe je graag gym?",
    "Hoe gaat het met je verdrietig?",
    "Hoe vind je het Met wie speel je?",
    "Hoe komt het dat jij baasje bent?",
    "Wat kun je me vertellen over je laat?",
    "Hoe opa je het vond bij?", // a name is no verb; a preposition ends a question only with "waar"/"er"
    "Hoe gaat het met je me?",
    "What makes you talking during the lesson?",
    "Hoe voel je je alleen in de pauze?", // the closed form's adjective is still presumed
    "Hoe gaat het met je vaak?",
    "Hoe gaat het met het vergeten?",
    "Hoe rekent je het liefst?", // the inverted verb agrees with "je"
    "Waar werkt je het liefst?",
  ])("rejects %s", (candidate) => {
    expect(shapeProblem(candidate, /^(What|How)/u.test(candidate) ? "en" : "nl")).not.toBeNull();
  });

  it.each([
    "Hoe heb je je voorbereid?",
    "Hoe heb je dat gedaan?",
    "Hoe gaat het met je vandaag?",
    "Hoe gaat het met je in de klas?",
    "Hoe gaat het met je broertje?",
    "Wie vraag je om hulp als je vastzit?",
    "Wat maakt dat je te kletsen zit met Tim?",
    "Wat wil je weer eens proberen?",
    "Hoe kun je je best doen bij spelling?",
    "Wat doe je nu?",
    "Hoe voel je je vandaag?",
    "Hoe reken je het liefst?",
    "Wat helpt je om te beginnen?", // "je" is the object here
    "Waar zit je het liefst?",
    "Hoe voel je je in de klas?",
    "Waar ben je bang voor?",
    "Waar denk je aan als je gaat lezen?",
    "What can you tell me about the new classroom?",
  ])("accepts %s", (candidate) => {
    expect(shapeProblem(candidate, /^(What|How)/u.test(candidate) ? "en" : "nl")).toBeNull();
  });
});

describe("presumption structures", () => {
  it.each([
    ["Wat maakt tekenen zo saai voor je?", ["leading"]],
    ["Wat vond je zo gezellig aan het kamp?", ["leading"]],
    ["Hoe erg vond je het dat je niet mee mocht?", ["leading"]],
    ["Hoeveel beter gaat het nu je vooraan zit?", ["leading"]],
    ["Wat vond je het mooiste, want dat was een prachtige dag?", ["leading"]],
    ["Zat je weer te praten tijdens het dictee?", ["closed", "judging"]],
    ["Waarom was je huiswerk weer niet af?", ["judging"]],
    ["Vind je het zelf niet kinderachtig om zo te schreeuwen?", ["closed", "leading", "judging"]],
    ["Wat doe je met dat slechte rapport?", ["judging"]],
    ["Is je werk daarom niet af?", ["closed", "leading"]],
    ["What made the concert so boring for you?", ["leading"]],
    ["How much did the timer help?", ["leading"]],
  ])("flags %s", (question, flags) => {
    expect(flagsOf(question)).toEqual(flags);
  });

  it.each([
    "Wat vond je leuk aan het kamp?",
    "Hoe vond je het dat je niet mee mocht?",
    "Hoeveel bladzijden heb je gelezen?",
    "Wat doe je als je klaar bent?",
    "Wat wil je weer eens proberen?",
    "Hoe ging de toets die je slecht vond?",
    "What helped you with the reading?",
  ])("leaves %s alone", (question) => {
    expect(flagsOf(question)).toEqual([]);
  });

  it("rules out 'weer' as recovery, not a mishap", () => {
    expect(flagsOf("Ben je weer beter na je griep?")).toEqual(["closed"]);
  });
});

describe("suggestions without the presumption", () => {
  it.each([
    ["Wat maakt tekenen zo saai voor je?", "Wat vind je van tekenen?"],
    ["Wat vond je zo gezellig aan het kamp?", "Wat vond je van het kamp?"],
    ["Hoe erg vond je het dat je niet mee mocht?", "Hoe vond je het dat je niet mee mocht?"],
    ["Wat ging er goed bij gym, want je deed echt super mee?", "Wat ging er goed bij gym?"],
    ["Gaat het een beetje, op school?", "Hoe gaat het op school?"],
    ["What made the concert so boring for you?", "What did you think of the concert?"],
    ["Je bent vast moe omdat je laat naar bed ging, hè?", "Hoe voel je je?"], // the presumed cause goes
    ["Is het gelukt om je toets te leren?", "Hoe ging het met je toets?"], // not "Hoe is het voor jou om …" (presumes success)
    ["Waarom moet jij altijd ruzie maken met Mila?", "Hoe gaat het tussen jou en Mila?"], // no why-question after judging
    ["Wil je eerst over rekenen praten of over de ruzie in de klas?", "Waarover wil je het liefst praten?"],
    ["Hoe komt het dat je zo slordig schrijft in je schrift?", "Hoe gaat het met je schrift?"],
    ["Heb je vandaag weer je jas vergeten?", "Wat zou je helpen om aan je jas te denken?"], // before "Hoe heb je … vergeten?"
    ["Hoeveel meer woorden lees je nu?", "Hoeveel woorden lees je nu?"],
    ["What made the test so difficult for you?", "What did you think of the test?"],
    ["Waarom deed je zo gemeen tegen Ilse?", "Hoe ging het tussen jou en Ilse?"], // judging (about the pupil), not a presumption
    ["Heb je het weer vergeten te vragen aan je vader?", "Wat kun je me vertellen over je vader?"], // never "Wat vind je zelf van je vader?"
  ])("%s → %s", (question, suggestion) => {
    expect(coachQuestion(question).suggestion).toBe(suggestion);
  });

  it("offers a topic question or a stem, never a topic slot holding a verb or a name", () => {
    for (const q of ["Heb je een hamster thuis?", "Kun je goed opruimen?", "Kun je je opruimen uitleggen?", "Hoe erg vond je het dat Noor boos was op jou?"]) {
      const s = coachQuestion(q).suggestion ?? "";
      expect(s).not.toMatch(/(gaat het met|vertellen over) (een |je opruimen|dat Noor)/u);
    }
  });
});
