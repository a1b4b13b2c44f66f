// What helps a pupil, as an onderwijsbehoefte statement: framed when the answer's shape is one we
// know, the child's words kept; otherwise "<naam>: <answer as typed>", never a sentence that reads wrong.
import { describe, expect, it } from "vitest";
import { needStatement } from "../../bot/services/need-statement.js";

const nl = (answer: string, source: "need" | "teacherHelp" = "need") => needStatement("Finn", answer, source, "nl");
const en = (answer: string, source: "need" | "teacherHelp" = "need") => needStatement("Finn", answer, source, "en");

describe("onderwijsbehoefte statements", () => {
  it("puts a named need in 'heeft … nodig', the purpose after 'nodig'", () => {
    expect(nl("extra uitleg aan de instructietafel")).toBe("Finn heeft extra uitleg aan de instructietafel nodig.");
    expect(nl("Een rustige plek.")).toBe("Finn heeft een rustige plek nodig.");
    expect(nl("Verlengde instructie om zelfstandig te kunnen werken")).toBe("Finn heeft verlengde instructie nodig om zelfstandig te kunnen werken.");
    expect(en("extra time to finish")).toBe("Finn needs extra time to finish.");
    expect(en("A quiet place")).toBe("Finn needs a quiet place.");
  });

  it("takes an answer that already says what the pupil needs, with the name for the subject", () => {
    expect(nl("Deze leerling heeft korte opdrachten nodig om te starten")).toBe("Finn heeft korte opdrachten nodig om te starten.");
    expect(nl("Hij heeft een maatje nodig")).toBe("Finn heeft een maatje nodig.");
    expect(nl("Finn heeft rust nodig.")).toBe("Finn heeft rust nodig.");
    expect(en("She needs a quiet place.")).toBe("Finn needs a quiet place.");
    expect(en("They need breaks")).toBe("Finn needs breaks.");
  });

  it("keeps a condition or a 'dat' clause as said", () => {
    expect(nl("Als de juf het eerst voordoet")).toBe("Het helpt Finn als de juf het eerst voordoet.");
    expect(nl("dat de juf even naast hem komt zitten")).toBe("Finn heeft nodig dat de juf even naast hem komt zitten.");
    expect(en("When the teacher shows it first")).toBe("It helps Finn when the teacher shows it first.");
  });

  it("reads the kindplan's 'my teacher helps me by …' as help from the teacher", () => {
    expect(nl("door het voor te doen", "teacherHelp")).toBe("Finn heeft nodig dat de leerkracht helpt door het voor te doen.");
    expect(nl("het nog een keer uit te leggen", "teacherHelp")).toBe("Finn heeft nodig dat de leerkracht helpt door het nog een keer uit te leggen.");
    expect(nl("extra uitleg", "teacherHelp")).toBe("Finn heeft extra uitleg van de leerkracht nodig.");
    expect(nl("extra uitleg om het te snappen", "teacherHelp")).toBe("Finn heeft extra uitleg van de leerkracht nodig om het te snappen.");
    expect(en("showing it first", "teacherHelp")).toBe("Finn needs the teacher to help by showing it first.");
    expect(en("more feedback", "teacherHelp")).toBe("Finn needs more feedback from the teacher.");
  });

  it("quotes the answer as typed when a frame would misquote the child or read wrong", () => {
    const cases = [
      "mij helpen met rekenen", // the child's own "mij"
      "Ze legt het uit", // a clause of its own
      "meer tijd is fijn", // a verb inside what looked like a noun phrase
      'Rust; een "koptelefoon"', // punctuation we do not place
      "een rustige plek\nen blokjes", // several lines
      "wat helpt?", // a question
      "Eerst zelf. Dan samen.", // two sentences
      "NT2-materiaal", // words we do not know
    ];
    for (const answer of cases) expect(nl(answer)).toBe(`Finn: ${answer}`);
    expect(en("helping me", "teacherHelp")).toBe("Finn: helping me");
    expect(en("I like a quiet corner")).toBe("Finn: I like a quiet corner");
  });

  it("never puts words of the other language in a frame", () => {
    expect(en("extra uitleg aan de instructietafel", "teacherHelp")).toBe("Finn: extra uitleg aan de instructietafel");
    expect(nl("extra time with the teacher")).toBe("Finn: extra time with the teacher");
  });

  it("makes nothing of an empty answer, and keeps odd characters and long answers whole", () => {
    expect(nl("   ")).toBeNull();
    expect(nl("\n")).toBeNull();
    const long = `een rustige plek ${"en blokjes ".repeat(300)}`.trim();
    expect(nl(long)).toBe(`Finn: ${long}`);
    expect(nl("  extra   uitleg  ")).toBe("Finn heeft extra uitleg nodig.");
    expect(nl("=SUM(A1)")).toBe("Finn: =SUM(A1)");
    expect(nl("🙂 een maatje")).toBe("Finn: 🙂 een maatje");
  });
});
