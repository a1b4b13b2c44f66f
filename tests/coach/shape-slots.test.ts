// Issue 11, round 3: the gate rejects the kinds of broken sentences a judge found on the fifth blind set, on new
// wordings, and lets their well-formed neighbours through.
import { describe, expect, it } from "vitest";
import { shapeProblem } from "../../bot/coach/shape-check.js";

describe("the gate rejects each round-3 kind of broken sentence", () => {
  it.each([
    "Hoe gaat het met het zeker?", // an adverb in the topic slot
    "Wat kun je me vertellen over het nog?",
    "Wat kun je me vertellen over je komt?", // a verb in the topic slot
    "Hoe mis je je vriendjes van de opvang?", // a verb without a manner
    "Hoe durf je dat te zeggen?",
    "Hoe ga je mee naar de bieb?",
    "Hoe zijn er kinderen die je helpen?", // "hoe" + "er" + copula
    "Hoe maak je je zorgen over de toets?", // an idiom without a manner
    "Hoe vind je het zelf eerlijk dat je voordringt?", // the yes/no's adjective left after "het"
    "Hoe ging het best met je werkstuk?",
    "Hoe is het voor jou van de vorige keer geoefend?", // a participle ending that frame
    "Hoe voel je je in de klas binnenkomt?", // a finite verb left at the end
    "Hoe vond je de musical en het was ook spannend?", // a statement glued on
    "Hoe gaat het met je genoeg?",
    "Wat kun je me vertellen over je help?",
    "Wat kun je me vertellen over het gevoel?", // "het gevoel hebben dat …" cut from what it was about
    "Hoe gaat het met je ervoor?",
    "Hoe vond je het een uitje?", // the closed form's frame left around the question
    "Hoe lijkt het me dat je het vindt?",
    "Hoe ging het lezen deze week een stuk?", // the leftover of "een stuk beter"
    "Hoe gaat het op school en eh?",
    "Hoe komt het dat je zulk werk maakt?", // the judgement stays in "zulk"
    "Wat zou jou helpen bij de kring komt zitten?", // a finite verb and its infinitive left at the end
  ])("rejects %s", (candidate) => {
    expect(shapeProblem(candidate, "nl")).not.toBeNull();
  });

  it.each(["What is everyone like for you?", "What did you think of you?", "How do you think went the test?", "How do the extra spelling lessons helped?"])(
    "rejects %s",
    (candidate) => {
      expect(shapeProblem(candidate, "en")).toBe("broken-grammar");
    },
  );

  it.each([
    "Hoe gaat het met je werk?",
    "Hoe voel je je over je werk?",
    "Hoe ga je om met ruzie in de klas?",
    "Hoe ga je het aanpakken?",
    "Hoe vereenvoudig je een breuk?", // the teacher's own "hoe" made direct
    "Hoe heb je vannacht geslapen?",
    "Wat denk je dat er gebeurt als je het vergeet?",
    "Hoe vind je het dat oma bij jullie woont?",
    "Hoe komt het dat je werk er anders uitziet?",
  ])("lets %s pass", (candidate) => {
    expect(shapeProblem(candidate, "nl")).toBeNull();
  });

  it.each(["What is it like for you to put your hand up?", "How does your dad help you with your homework?", "How do you read at home?"])(
    "lets %s pass",
    (candidate) => {
      expect(shapeProblem(candidate, "en")).toBeNull();
    },
  );
});
