// The printable picture cards (bot/exports/picture-cards.ts) and the command that offers them.
import type { Catalogue } from "../../text/text.js";

export const pictureCards = {
  "pictureCards.title": { nl: "Plaatjes — {format}", en: "Picture cards — {format}" },
  "pictureCards.hint": {
    nl: "Knip de kaartjes uit langs de stippellijn en leg ze neer; het kind wijst aan of kiest.",
    en: "Cut out the cards along the dotted lines and lay them out; the child points or chooses.",
  },
  "pictureCards.filename": { nl: "plaatjes", en: "picture-cards" },
  "pictureCards.ready": {
    nl: {
      one: "Hier is 1 plaatje voor {format}, om te printen en uit te knippen.",
      other: "Hier zijn {count} plaatjes voor {format}, om te printen en uit te knippen.",
    },
    en: { one: "Here is 1 picture card for {format}, to print and cut out.", other: "Here are {count} picture cards for {format}, to print and cut out." },
  },
  "pictureCards.none": {
    nl: "{format} heeft geen plaatjes. Typ **plaatjes** voor de gezichtjes en plaatjes van groep 1–2.",
    en: "{format} has no picture cards. Type **picture cards** for the faces and pictures of groep 1–2.",
  },
  "pictureCards.unknown": {
    nl: "Die gespreksvorm ken ik niet. Typ **plaatjes** voor de gezichtjes en plaatjes van groep 1–2.",
    en: "I don't know that conversation format. Type **picture cards** for the faces and pictures of groep 1–2.",
  },
  "pictureCards.offer": { nl: "Plaatjes nodig om neer te leggen?", en: "Need pictures to lay out?" },
  "pictureCards.button": { nl: "Plaatjes printen (PDF)", en: "Print picture cards (PDF)" },
  "pictureCards.stepHint": {
    nl: "Nog geen plaatjes bij de hand? Druk op ‘Plaatjes printen’ of typ **{command}**: dan krijg je ze als PDF.",
    en: "No pictures at hand? Press ‘Print picture cards’ or type **{command}** to get them as a PDF.",
  },
  "pictureCards.command": { nl: "plaatjes", en: "picture cards" },
  "help.pictureCards": {
    nl: "**plaatjes** — gezichtjes en plaatjes om te printen en uit te knippen (groep 1–2; **plaatjes <gespreksvorm>** voor een andere vorm)",
    en: "**picture cards** — faces and pictures to print and cut out (groep 1–2; **picture cards <format>** for another format)",
  },
} as const satisfies Catalogue;
