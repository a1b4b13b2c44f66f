// Reminders and the outbox: what each reminder says, reminder settings, undeliverable reports.
import type { Catalogue } from "../text.js";

export const reminders = {
  "reminder.newConversationRound": { nl: "Nieuwe gespreksronde: **{name}**", en: "New conversation round: **{name}**" },
  "reminder.periodPeriodFormat": { nl: "Periode: {period}. Gespreksvorm: {name}.", en: "Period: {period}. Format: {name}." },
  "reminder.planConversationsWhen": { nl: "Plan de gesprekken wanneer het jou uitkomt; ik stel graag een planning voor uit je vaste momenten.", en: "Plan the conversations when it suits you; I can propose a schedule from your weekly moments." },
  "reminder.label": { nl: "Nu plannen", en: "Plan now" },
  "reminder.text": { nl: "Halverwege de ronde **{name}** (tot en met {date}): nog {length} leerling(en) zonder gepland gesprek: {names}.", en: "Halfway through the round **{name}** (until {date}): {length} pupil(s) still without a planned conversation: {names}." },
  "reminder.label2": { nl: "Geen planherinneringen meer", en: "No more planning reminders" },
  "reminder.text2": { nl: "om", en: "at" },
  "reminder.text3": { nl: "{when}: kindgesprek met **{name}**. Even voorbereiden? Houd het licht: de leerling is de expert over zichzelf.", en: "{when}: conversation with **{name}**. Time to prepare? Keep it light: the pupil is the expert on themselves." },
  "reminder.label3": { nl: "Nu voorbereiden", en: "Prepare now" },
  "reminder.label4": { nl: "Geen voorbereidingsherinneringen", en: "No preparation reminders" },
  "reminder.aim": { nl: "hoe het met je gaat op school, wat goed gaat en wat je graag wilt leren", en: "how school is going for you, what goes well and what you would like to learn" },
  "reminder.text4": { nl: "Over een paar schooldagen ({date}) heb je een kindgesprek met **{name}**. Hier is een voorbereidingsformulier om vandaag mee te geven. Wil je het doel of de vragen aanpassen? Bereid het gesprek voor, dan maak ik een nieuwe uitnodiging.", en: "In a few school days ({date}) you have a conversation with **{name}**. Here is a preparation form to hand out today. Want another aim or questions? Prepare the conversation and I make a new invitation." },
  "reminder.label5": { nl: "Voorbereiden", en: "Prepare" },
  "reminder.text5": { nl: "Het gesprek met **{name}** stond gepland op {when}, maar is nog niet vastgelegd. Is het gehouden?", en: "The conversation with **{name}** was planned for {when} but is not recorded yet. Did it take place?" },
  "reminder.label6": { nl: "Gesprek vastleggen", en: "Record it" },
  "reminder.label7": { nl: "Verzetten", en: "Move it" },
  "reminder.label8": { nl: "Korte notitie", en: "Quick note" },
  "reminder.evaluate": { nl: "Evalueren", en: "Evaluate" },
  "reminder.pupilPlannedYet": { nl: "leerling(en) nog niet gepland", en: "pupil(s) not planned yet" },
  "reminder.weekDateDate": { nl: "Je week ({date} – {date2}):", en: "Your week ({date} – {date2}):" },
  "reminder.label9": { nl: "Weekoverzicht uit", en: "Weekly digest off" },
} satisfies Catalogue;
