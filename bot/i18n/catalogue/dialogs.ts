// The dialog engine's own words, and the conversation, note and kindplan-step texts.
import type { Catalogue } from "../../text/text.js";

export const dialogs = {
  "engine.submit": { nl: "Volgende", en: "Next" },
  "engine.finish": { nl: "Afronden", en: "Finish" },
  "engine.back": { nl: "Terug", en: "Back" },
  "engine.skip": { nl: "Overslaan", en: "Skip" },
  "engine.pause": { nl: "Pauzeren", en: "Pause" },
  "engine.cancel": { nl: "Stoppen", en: "Stop" },
  "engine.required": { nl: "Vul dit in om verder te gaan.", en: "Please fill this in to continue." },
  "engine.notSkippable": { nl: "Deze stap kun je niet overslaan.", en: "This step cannot be skipped." },
  "engine.tooLong": {
    nl: {
      one: "Dit is 1 teken te lang: hier passen hoogstens {max} tekens. Maak je tekst iets korter; er is niets van weggehaald.",
      other: "Dit is {count} tekens te lang: hier passen hoogstens {max} tekens. Maak je tekst korter; er is niets van weggehaald.",
    },
    en: {
      one: "This is 1 character too long: at most {max} characters fit here. Please shorten your text a little; nothing of it was cut.",
      other: "This is {count} characters too long: at most {max} characters fit here. Please shorten your text; nothing of it was cut.",
    },
  },
  "engine.notANumber": { nl: "Typ een getal.", en: "Please type a number." },
  "engine.numberRange": { nl: "Kies een getal van {min} tot {max}.", en: "Choose a number from {min} to {max}." },
  "engine.notADate": {
    nl: "Typ een datum, bijvoorbeeld {example}, '12 januari', 'morgen', 'dinsdag' of 'over 2 weken'.",
    en: "Type a date, for example {example}, '12 January', 'tomorrow', 'Tuesday' or 'in 2 weeks'.",
  },
  "engine.notATime": { nl: "Typ een tijd, bijvoorbeeld 10:30.", en: "Type a time, for example 10:30." },
  "engine.notYesNo": {
    nl: "Dit is een ja/nee-vraag: antwoord met ja of nee. Wat je typte is niet opgeslagen als antwoord.",
    en: "This is a yes/no question: answer yes or no. What you typed was not stored as the answer.",
  },
  "engine.notAnOption": { nl: "Kies een van de mogelijkheden (het nummer of de tekst).", en: "Choose one of the options (its number or text)." },
  "engine.noPupilMatch": {
    nl: "Die leerling staat niet in de lijst. Typ de naam of het nummer.",
    en: "That pupil is not in the list. Type the name or the number.",
  },
  "engine.manyPupilMatches": { nl: "Meerdere leerlingen passen hierbij; typ het nummer.", en: "Several pupils match; type the number." },
  "engine.stale": {
    nl: "Die kaart is niet meer actueel (al verstuurd of het gesprek is verder). Er is niets veranderd; hier is de stap waar je nu bent.",
    en: "That card is no longer current (already sent, or the dialog moved on). Nothing was changed; here is the step you are at now.",
  },
  "engine.pausedStale": {
    nl: "Dit gesprek staat op pauze. Typ **verder** om verder te gaan; er is niets veranderd.",
    en: "This dialog is paused. Type **resume** to continue; nothing was changed.",
  },
  "engine.finished": {
    nl: "Dit gesprek is al afgerond of gestopt; er is niets veranderd.",
    en: "This dialog has already been finished or stopped; nothing was changed.",
  },
  "engine.gone": {
    nl: "Dit gesprek bestaat niet meer: het is lang geleden afgerond of gestopt en opgeruimd. Er is niets veranderd.",
    en: "This dialog no longer exists: it was finished or stopped long ago and cleaned up. Nothing was changed.",
  },
  "engine.notYours": {
    nl: "Deze kaart hoort bij het gesprek van iemand anders. Je kunt hem niet invullen; er is niets veranderd.",
    en: "This card belongs to someone else's dialog. You cannot fill it in; nothing was changed.",
  },
  "engine.malformed": { nl: "Dat antwoord kon ik niet lezen; er is niets veranderd.", en: "I could not read that answer; nothing was changed." },
  "engine.paused": {
    nl: "Gepauzeerd. Alles wat je invulde is bewaard. Typ **verder** wanneer je verder wilt.",
    en: "Paused. Everything you entered is saved. Type **resume** when you want to continue.",
  },
  "engine.cancelled": { nl: "Gestopt. Er is niets opgeslagen in het dossier van de leerling.", en: "Stopped. Nothing was saved to the pupil's record." },
  "engine.confirmOrEdit": {
    nl: "Deze stap is al ingevuld. Typ **ok** om verder te gaan, of **wijzig <nummer>** om een antwoord te veranderen.",
    en: "This step is already filled in. Type **ok** to continue, or **edit <number>** to change an answer.",
  },
  "engine.draftsNotStored": {
    nl: "Dit typte je in een stap die je oversloeg; het is niet opgeslagen. Hier is het, zodat je het kunt kopiëren:",
    en: "You typed this in a step you skipped; it was not stored. Here it is, so you can copy it:",
  },
  "engine.skipWouldLose": {
    nl: "Overslaan zou weggooien wat je in deze stap al invulde. Beantwoord de vraag die nog open staat, of maak met **wijzig <nummer>** en **-** leeg wat weg mag.",
    en: "Skipping would throw away what you already filled in on this step. Answer the open question, or clear what may go with **edit <number>** and **-**.",
  },
  "engine.otherPaused": {
    nl: "Je vorige gesprek staat op pauze, met alles wat je invulde. Typ **verder** om het daarna te hervatten.",
    en: "Your previous dialog is paused, with everything you filled in. Type **resume** to continue it afterwards.",
  },
  "engine.commandDropped": {
    nl: "Je vorige bericht heb ik niet uitgevoerd en niet opgeslagen; hier is het, zodat je het kunt kopiëren: {text}",
    en: "I did not run or store your previous message; here it is, so you can copy it: {text}",
  },
  "engine.abandonedWords": {
    nl: "Wat je had ingevuld is niet opgeslagen; hier is het, zodat je het kunt kopiëren:",
    en: "What you had filled in was not stored; here it is, so you can copy it:",
  },
  "engine.abandoned": {
    nl: "Het gesprek waar je mee bezig was kan niet verder (de leerling staat niet meer in je groep). Het is gestopt.",
    en: "The dialog you were in cannot continue (the pupil is no longer in your group). It has been stopped.",
  },
  "engine.yes": { nl: "ja", en: "yes" },
  "engine.no": { nl: "nee", en: "no" },
  "engine.skipped": { nl: "overgeslagen", en: "skipped" },
  // The one share question, right after the item and the pupil's explanation of it; it quotes the item.
  "engine.shareLabel": {
    nl: "Mogen ouders lezen wat de leerling zei over ‘{item}’ (ja/nee)",
    en: "May parents read what the pupil said about ‘{item}’ (yes/no)",
  },
  "engine.shareHelp": {
    nl: "Vraag het de leerling. Het geldt voor dit onderdeel en de toelichting van de leerling erbij.",
    en: "Ask the pupil. It covers this item and the pupil's explanation of it.",
  },
  "conversation.opening.aim": { nl: "Doel van dit gesprek: {aim}", en: "Aim of this conversation: {aim}" },
  "conversation.opening.followUp": { nl: "Terugkomen op: {text}", en: "Come back to: {text}" },
  "conversation.opening.question": { nl: "Je vraag: {question}", en: "Your question: {question}" },
  "conversation.opening.agreement": { nl: "Afspraak van vorige keer: {who} — {what} — {when}", en: "Agreement from last time: {who} — {what} — {when}" },
  "conversation.opening.title": { nl: "Voor je begint", en: "Before you start" },
  "conversation.opening.intro": {
    nl: "Vertel waar het gesprek over gaat, hoe lang het duurt, en dat er geen foute antwoorden zijn.",
    en: "Say what the conversation is about, how long it takes, and that there are no wrong answers.",
  },
  "conversation.opening.previousReview.label": {
    nl: "Hoe ging het met de vorige doelen en afspraken? (in de woorden van de leerling)",
    en: "How did the previous goals and agreements go? (in the pupil's words)",
  },
  "conversation.summary.mayBeShared": { nl: " (mag gedeeld)", en: " (may be shared)" },
  "conversation.summary.plan": { nl: "Plan: {plan}", en: "Plan: {plan}" },
  "conversation.partsFilled": {
    nl: { one: "1 onderdeel ingevuld.", other: "{count} onderdelen ingevuld." },
    en: { one: "1 part filled in.", other: "{count} parts filled in." },
  },
  "conversation.summary.chosen": { nl: "Gekozen: {choices}", en: "Chosen: {choices}" },
  "conversation.confirm.title": { nl: "Samenvatten en afronden", en: "Summarise and finish" },
  "conversation.confirm.intro": {
    nl: "Vat samen in de woorden van de leerling en check: klopt dit? Vraag ook wat de ouders wel en niet mogen horen.",
    en: "Summarise in the pupil's words and check: is this right? Also ask what the parents may and may not hear.",
  },
  "conversation.confirm.confirmed.label": { nl: "Klopt het zo? Dan sla ik het gesprek op.", en: "Is this right? Then I'll save the conversation." },
  "conversation.confirm.notConfirmed": {
    nl: "Ga met 'Terug' naar het onderdeel dat je wilt aanpassen.",
    en: "Use 'Back' to go to the part you want to change.",
  },
  "conversation.skills.none": { nl: "geen", en: "none" },
  "conversation.saved": { nl: "Gesprek met **{name}** opgeslagen.", en: "Conversation with **{name}** saved." },
  "conversation.ownership": { nl: "Eigenaarschap in dit gesprek: {skills}.", en: "Ownership in this conversation: {skills}." },
  "conversation.evaluationDateNote": { nl: "Op de evaluatiedatum vraag ik hoe het ging.", en: "On the evaluation date I'll ask how it went." },
  "conversation.exampleQuestion": { nl: "Vraag bijvoorbeeld: “{question}”", en: "You could ask: “{question}”" },
  "conversation.forExample": { nl: "Bijvoorbeeld: {suggestion}", en: "For example: {suggestion}" },
  "conversation.summary.goal": { nl: "Doel: {goal}{evaluation}{shared}", en: "Goal: {goal}{evaluation}{shared}" },
  "conversation.summary.evaluation": { nl: " — evaluatie {date}", en: " — evaluation {date}" },
  "note.note.title": { nl: "Wat gebeurde er?", en: "What happened?" },
  "note.note.tip": { nl: "Schrijf op wat het kind zei, in zijn of haar woorden.", en: "Write down what the child said, in their own words." },
  "note.note.goal.label": { nl: "Een doel dat het kind noemde (mag leeg)", en: "A goal the child mentioned (may be empty)" },
  "note.title": { nl: "Notitie — {name}", en: "Note — {name}" },
  "kindplanStep.goal.title": { nl: "Doel {i}", en: "Goal {i}" },
  "kindplanStep.goal.intro": {
    nl: "Laat de leerling het doel in eigen woorden zeggen; schrijf op wat het kind zegt.",
    en: "Let the pupil put the goal in their own words; write down what the child says.",
  },
  "kindplanStep.goal.tip": {
    nl: "Niet invullen voor de leerling: wacht, vraag door, vat samen.",
    en: "Don't fill in for the pupil: wait, ask further, summarise.",
  },
  "kindplanStep.goal.nowText.label": { nl: "Nu kan/weet ik …", en: "Now I can / know …" },
  "kindplanStep.goal.goalText.label": { nl: "Straks wil ik kunnen/weten …", en: "Later I want to be able to / know …" },
  "kindplanStep.goal.ownPlan.label": { nl: "Om daar te komen ga ik …", en: "To get there I will …" },
  "kindplanStep.goalHelp.title": { nl: "Doel {i}: wie helpt?", en: "Goal {i}: who helps?" },
  "kindplanStep.goalHelp.intro": {
    nl: "Eerst de oplossingen van de leerling zelf, dan jouw aanvulling.",
    en: "The pupil's own solutions first, then your additions.",
  },
  "kindplanStep.goalHelp.helpTeacher.label": { nl: "Mijn juf/meester helpt me door …", en: "My teacher helps me by …" },
  "kindplanStep.goalHelp.helpParents.label": { nl: "Mijn ouders helpen me door …", en: "My parents help me by …" },
  "kindplanStep.goalHelp.helpOther.label": { nl: "Materialen of een klasgenoot die helpt …", en: "Materials or a classmate who helps …" },
  "kindplanStep.goalCheck.title": { nl: "Doel {i}: hoe weten we dat het gelukt is?", en: "Goal {i}: how will we know it worked?" },
  "kindplanStep.goalCheck.successCriteria.label": {
    nl: "Wat zien, horen of merken we als het doel bereikt is?",
    en: "What will we see, hear or notice when the goal is reached?",
  },
  "kindplanStep.goalCheck.evaluator.label": { nl: "Wie evalueert?", en: "Who evaluates?" },
  "kindplanStep.goalCheck.another.label": { nl: "Nog een doel toevoegen?", en: "Add another goal?" },
  "kindplanStep.agreement.title": { nl: "Afspraak {j}", en: "Agreement {j}" },
  "kindplanStep.agreement.intro": {
    nl: "Maak de afspraak SMART: wie doet wat, hoe, en wanneer.",
    en: "Make the agreement SMART: who does what, how, and when.",
  },
  "kindplanStep.agreement.tip": { nl: "Denk win-win: wat levert de afspraak de leerling op?", en: "Think win-win: what does the pupil gain from it?" },
  "kindplanStep.agreement.who.label": { nl: "Wie?", en: "Who?" },
  "kindplanStep.agreement.who.placeholder": { nl: "bijv. Sam en juf Anna", en: "e.g. Sam and Ms Anna" },
  "kindplanStep.agreement.what.label": { nl: "Doet wat, en hoe?", en: "Does what, and how?" },
  "kindplanStep.agreement.when.label": { nl: "Wanneer / hoe vaak?", en: "When / how often?" },
  "kindplanStep.agreement.another.label": { nl: "Nog een afspraak toevoegen?", en: "Add another agreement?" },
} as const satisfies Catalogue;
