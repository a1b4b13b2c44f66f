// The dialog engine's own words and the conversation and note dialogs.
import type { Catalogue } from "../text.js";

export const dialogs = {
  "conversation.aimConversation": { nl: "Doel van dit gesprek", en: "Aim of this conversation" },
  "conversation.question": { nl: "Je vraag", en: "Your question" },
  "conversation.agreementFromLast": { nl: "Afspraak van vorige keer", en: "Agreement from last time" },
  "conversation.opening.title": { nl: "Voor je begint", en: "Before you start" },
  "conversation.opening.intro": { nl: "Vertel waar het gesprek over gaat, hoe lang het duurt, en dat er geen foute antwoorden zijn.", en: "Say what the conversation is about, how long it takes, and that there are no wrong answers." },
  "conversation.opening.previousReview.label": { nl: "Hoe ging het met de vorige doelen en afspraken? (in de woorden van de leerling)", en: "How did the previous goals and agreements go? (in the pupil's words)" },
  "conversation.goal": { nl: "Doel", en: "Goal" },
  "conversation.evaluation": { nl: "evaluatie", en: "evaluation" },
  "conversation.mayShared": { nl: " (mag gedeeld)", en: " (may be shared)" },
  "conversation.plan": { nl: "Plan", en: "Plan" },
  "conversation.agreement": { nl: "Afspraak", en: "Agreement" },
  "conversation.partsFilled": {
    nl: { one: "1 onderdeel ingevuld.", other: "{count} onderdelen ingevuld." },
    en: { one: "1 part filled in.", other: "{count} parts filled in." },
  },
  "conversation.confirm.title": { nl: "Samenvatten en afronden", en: "Summarise and finish" },
  "conversation.confirm.intro": { nl: "Vat samen in de woorden van de leerling en check: klopt dit? Vraag ook wat de ouders wel en niet mogen horen.", en: "Summarise in the pupil's words and check: is this right? Also ask what the parents may and may not hear." },
  "conversation.confirm.confirmed.label": { nl: "Klopt het zo? Dan sla ik het gesprek op.", en: "Is this right? Then I'll save the conversation." },
  "conversation.confirm.message": { nl: "Ga met 'Terug' naar het onderdeel dat je wilt aanpassen.", en: "Use 'Back' to go to the part you want to change." },
  "conversation.none": { nl: "geen", en: "none" },
  "conversation.conversationNameSaved": { nl: "Gesprek met **{name}** opgeslagen.", en: "Conversation with **{name}** saved." },
  "conversation.ownershipConversation": { nl: "Eigenaarschap in dit gesprek", en: "Ownership in this conversation" },
  "conversation.evaluationDateAsk": { nl: "Op de evaluatiedatum vraag ik hoe het ging.", en: "On the evaluation date I'll ask how it went." },
  "note.note.title": { nl: "Wat gebeurde er?", en: "What happened?" },
  "note.note.tips": { nl: "Schrijf op wat het kind zei, in zijn of haar woorden.", en: "Write down what the child said, in their own words." },
  "note.note.goal.label": { nl: "Een doel dat het kind noemde (mag leeg)", en: "A goal the child mentioned (may be empty)" },
  "note.note.share.label": { nl: "Mag dit met ouders gedeeld worden?", en: "May this be shared with parents?" },
} satisfies Catalogue;
