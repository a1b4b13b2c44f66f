// The short way of recording a conversation (one conversation card while sitting with the pupil,
// one record card afterwards) and the teacher's choice between it and the step-by-step guide.
import type { Catalogue } from "../../text/text.js";

export const shortConversation = {
  "help.workMode": {
    nl: "**werkwijze kort** / **werkwijze stappen** — een gesprek vastleggen met één gesprekskaart en één kaart achteraf, of stap voor stap",
    en: "**way of working short** / **way of working steps** — record a conversation with one conversation card and one card afterwards, or step by step",
  },
  "workMode.setShort": {
    nl: "Onthouden: je legt gesprekken **kort** vast — één gesprekskaart tijdens het gesprek, één kaart achteraf. Liever stap voor stap? Typ **werkwijze stappen**.",
    en: "Saved: you record conversations the **short** way — one conversation card during the conversation, one card afterwards. Rather step by step? Type **way of working steps**.",
  },
  "workMode.setSteps": {
    nl: "Onthouden: je legt gesprekken **stap voor stap** vast. Liever korter? Typ **werkwijze kort**.",
    en: "Saved: you record conversations **step by step**. Rather shorter? Type **way of working short**.",
  },
  "workMode.usage": {
    nl: "Typ **werkwijze kort** (één gesprekskaart en één kaart achteraf) of **werkwijze stappen** (stap voor stap). Nu: {mode}.",
    en: "Type **way of working short** (one conversation card and one card afterwards) or **way of working steps** (step by step). Now: {mode}.",
  },
  "workMode.name.short": { nl: "kort", en: "short" },
  "workMode.name.steps": { nl: "stap voor stap", en: "step by step" },
  "workMode.name.none": { nl: "nog niet gekozen (stap voor stap)", en: "not chosen yet (step by step)" },
  "workMode.keptForThis": {
    nl: "Dit gesprek is al begonnen en gaat verder zoals je het begon; de nieuwe werkwijze geldt vanaf het volgende gesprek.",
    en: "This conversation is already under way and goes on as you began it; the new way of working applies from the next conversation.",
  },
  "workMode.offer": {
    nl: "Zit je met de leerling? Kies **kort**: één gesprekskaart met de vragen en een paar vakjes voor steekwoorden, en na afloop één kaart voor de afspraken. Je keuze wordt onthouden (wijzigen: **werkwijze**).",
    en: "Sitting with the pupil? Choose **short**: one conversation card with the questions and a few boxes for keywords, and one card afterwards for the agreements. Your choice is remembered (change it: **way of working**).",
  },
  "workMode.button.short": { nl: "Kort werken", en: "Work short" },
  "workMode.button.steps": { nl: "Stap voor stap", en: "Step by step" },

  "short.card.title": { nl: "Gesprekskaart", en: "Conversation card" },
  "short.card.intro": {
    nl: "Voor tijdens het gesprek: de vragen per fase, en vakjes voor een paar steekwoorden. Wat je hier noteert, staat straks al op de kaart voor de afspraken.",
    en: "For during the conversation: the questions per phase, and boxes for a few keywords. What you note here is already on the card for the agreements afterwards.",
  },
  "short.card.phase": { nl: "{phase}: {questions}", en: "{phase}: {questions}" },
  "short.card.goesWell.label": { nl: "Gaat goed (steekwoorden)", en: "Goes well (keywords)" },
  "short.card.hard.label": { nl: "Lastig (steekwoorden)", en: "Hard (keywords)" },
  "short.card.goalWords.label": { nl: "Doel, in de woorden van de leerling", en: "Goal, in the pupil's own words" },
  "short.card.agreementWords.label": { nl: "Afspraak (steekwoorden)", en: "Agreement (keywords)" },

  "short.record.title": { nl: "Vastleggen", en: "Record" },
  "short.record.intro": {
    nl: "Alles op één kaart: hoe het ging, het doel, de hulp, de evaluatie en de afspraak. Laat leeg wat niet besproken is.",
    en: "Everything on one card: how it went, the goal, the help, the evaluation and the agreement. Leave empty what was not discussed.",
  },
  "short.record.howItWent.label": { nl: "Hoe ging het gesprek?", en: "How did the conversation go?" },
  "short.record.howItWent.good": { nl: "Goed", en: "Well" },
  "short.record.howItWent.mixed": { nl: "Wisselend", en: "Mixed" },
  "short.record.howItWent.hard": { nl: "Moeizaam", en: "With difficulty" },
  "short.record.goalWhen.label": { nl: "Doel", en: "Goal" },
  "short.record.goalWhen.now": { nl: "Nu een doel vastleggen", en: "Set a goal now" },
  "short.record.goalWhen.later": { nl: "Doel later (geen doel vandaag)", en: "Goal later (no goal today)" },
  "short.record.successCriteria.label": {
    nl: "Hoe weten we dat het doel bereikt is? (wat zien of horen we)",
    en: "How will we know the goal is reached? (what we see or hear)",
  },
  "short.record.who.label": { nl: "Afspraak — wie?", en: "Agreement — who?" },
  "short.record.what.label": { nl: "Afspraak — doet wat, en hoe?", en: "Agreement — does what, and how?" },
  "short.record.when.label": { nl: "Afspraak — wanneer / hoe vaak?", en: "Agreement — when / how often?" },
  "short.record.goalPartNeeded": {
    nl: "Vul dit in, of kies bij Doel: “Doel later”.",
    en: "Please fill this in, or choose “Goal later” under Goal.",
  },
  "short.text.noSuchQuestion": {
    nl: "Die vraag is er niet, dus dit is nog niet opgeslagen: {lines}. Typ het nummer van een vraag hierboven.",
    en: "There is no such question, so this was not saved yet: {lines}. Type the number of a question above.",
  },
  "short.text.appended": { nl: "Toegevoegd aan {box}.", en: "Added to {box}." },
  "short.text.replaced": {
    nl: "Vervangen in {box} — er stond: “{old}”. Wil je beide? Typ de oude woorden er weer bij, op een regel zonder nummer.",
    en: "Replaced in {box} — it said: “{old}”. Want both? Type the old words again, on a line without a number.",
  },
  "short.text.replacedValue": { nl: "Vervangen in {box} — er stond: “{old}”.", en: "Replaced in {box} — it said: “{old}”." },
  "short.text.whichBox": {
    nl: "Bij welk vakje hoort “{text}”? Het staat nog nergens. Typ het nummer van het vakje (bijvoorbeeld **1**), of **-** om het weg te laten.",
    en: "Which box does “{text}” belong to? It is not in one yet. Type the box's number (for example **1**), or **-** to leave it out.",
  },
  "short.text.dropped": { nl: "Weggelaten: “{text}”.", en: "Left out: “{text}”." },
  "short.help.card": {
    nl: "Op deze kaart typ je **nummer: woorden**, bijvoorbeeld **2: tafels van 7**; staat er al iets in dat vakje, dan vervang je het (ik laat zien wat er stond). Een regel zonder nummer komt erbij in het vakje waar je het laatst in typte. Typ **klaar** als het klopt. Verder: {commands}.",
    en: "On this card you type **number: words**, for example **2: times table of 7**; if that box already holds something, you replace it (I show what it said). A line without a number is added to the box you typed in last. Type **done** when it is right. Also: {commands}.",
  },
  "short.help.command.back": { nl: "**terug** (vorige kaart)", en: "**back** (previous card)" },
  "short.help.command.pause": { nl: "**pauze** (later verder)", en: "**pause** (go on later)" },
  "short.help.command.cancel": { nl: "**stop** (niets bewaren)", en: "**stop** (keep nothing)" },
} as const satisfies Catalogue;
