// The leerlingbespreking (teacher and IB'er, without the pupil): its educational goal, the proposed
// kindgesprek, the message to the IB'er, and assigning pupils to an IB'er in the chat.
import type { Catalogue } from "../../text/text.js";

export const pupilReview = {
  "review.goal.title": { nl: "Het onderwijsdoel vastleggen", en: "Recording the educational goal" },
  "review.goal.intro": {
    nl: "Het scherpe doel van zojuist staat er al; pas het aan als dat nodig is. Kies wanneer jullie evalueren en wie dat doet: een leerkracht of de IB'er.",
    en: "The sharpened goal from just now is already filled in; change it if needed. Choose when you evaluate and who does it: a teacher or the IB'er.",
  },
  "review.goal.goalText.label": {
    nl: "Onderwijsdoel: wat doet de leerling als het doel bereikt is?",
    en: "Educational goal: what does the pupil do once the goal is reached?",
  },
  "review.confirm.intro": {
    nl: "Vat samen wat jullie afspreken en check met elkaar: klopt dit? De leerling hoort het in het kindgesprek.",
    en: "Summarise what you agree and check with each other: is this right? The pupil hears about it in the pupil conversation.",
  },
  "review.goal.evaluator.label": { nl: "Wie evalueert het doel?", en: "Who evaluates the goal?" },
  "review.proposal.reason": { nl: "Uit de leerlingbespreking, bij het onderwijsdoel: {goal}", en: "From the pupil review, for the educational goal: {goal}" },
  "review.proposal.aimTask": { nl: "De leerling legt uit hoe hij of zij dit aanpakt: {task}", en: "The pupil explains how they go about this: {task}" },
  "review.proposal.aim": { nl: "De leerling legt uit hoe hij of zij een taak aanpakt.", en: "The pupil explains how they go about a task." },
  "review.summary.goal": { nl: "Onderwijsdoel: {goal} — evaluatie {date}, door {who}", en: "Educational goal: {goal} — evaluation {date}, by {who}" },
  "review.summary.need": { nl: "Onderwijsbehoefte: {need}", en: "Educational need: {need}" },
  "review.summary.proposal": {
    nl: "Voorstel: een kindgesprek waarin de leerling de eigen aanpak uitlegt.",
    en: "Proposal: a pupil conversation in which the pupil explains their own approach.",
  },
  "review.saved": { nl: "Leerlingbespreking over **{name}** opgeslagen.", en: "Pupil review about **{name}** saved." },
  "review.proposalSet": {
    nl: "Het kindgesprek met {name} staat klaar als gepland gesprek: bij **voorbereiden {name}** en **gesprek {name}** staan de reden en de vragen er al.",
    en: "The pupil conversation with {name} is set up as a planned conversation: **prepare {name}** and **conversation {name}** already show the reason and the questions.",
  },
  "review.supportersTold": { nl: "Een bericht hierover gaat naar: {names}.", en: "A message about it goes to: {names}." },
  "review.notCounted": {
    nl: "De leerling was er niet bij: er is geen kindplan gemaakt, en de bespreking telt niet als gehouden kindgesprek of voor eigenaarschap.",
    en: "The pupil was not there: no kindplan was made, and the review does not count as a held pupil conversation or toward ownership.",
  },
  "review.notice": {
    nl: "**{teacher}** heeft een leerlingbespreking over **{pupil}** ({group}) vastgelegd. Lees hem met **gesprek bekijken {firstName}**; iets aanvullen kan met **notitie {firstName}: …**.",
    en: "**{teacher}** recorded a pupil review about **{pupil}** ({group}). Read it with **view conversation {firstName}**; add to it with **note {firstName}: …**.",
  },
  "review.notice.read": { nl: "Leerlingbespreking lezen", en: "Read the pupil review" },
  "help.ibAssign": {
    nl: "**ib toewijzen <naam>** — een leerling aan jezelf als IB'er toewijzen (de beheerder: **ib toewijzen <naam> aan <e-mail>**); **ib intrekken <naam>** beëindigt het",
    en: "**ib assign <name>** — assign a pupil to yourself as IB'er (the admin: **ib assign <name> to <e-mail>**); **ib unassign <name>** ends it",
  },
  "ib.assignUsage": {
    nl: "Typ **ib toewijzen <naam van de leerling>**; als beheerder voor een IB'er: **ib toewijzen <naam> aan <e-mail>**.",
    en: "Type **ib assign <name of the pupil>**; as the admin, for an IB'er: **ib assign <name> to <e-mail>**.",
  },
  "ib.unassignUsage": {
    nl: "Typ **ib intrekken <naam van de leerling>**; als beheerder voor een IB'er: **ib intrekken <naam> van <e-mail>**.",
    en: "Type **ib unassign <name of the pupil>**; as the admin, for an IB'er: **ib unassign <name> from <e-mail>**.",
  },
  "ib.notAllowed": {
    nl: "Leerlingen aan een IB'er toewijzen doet de IB'er zelf of de beheerder. Er is niets gewijzigd.",
    en: "Assigning pupils to an IB'er is done by the IB'er herself or the school admin. Nothing was changed.",
  },
  "ib.notIb": { nl: "{name} is geen IB'er op je school. Er is niets gewijzigd.", en: "{name} is not an IB'er at your school. Nothing was changed." },
  "ib.noPupil": {
    nl: "Ik vind geen leerling met die naam op je school. Er is niets gewijzigd.",
    en: "I find no pupil with that name at your school. Nothing was changed.",
  },
  "ib.assigned": {
    nl: "**{pupil}** is toegewezen aan {ib}: de IB'er kan de gesprekken lezen, aanvullen en doelen evalueren.",
    en: "**{pupil}** is assigned to {ib}: the IB'er can read the conversations, add to them and evaluate goals.",
  },
  "ib.alreadyAssigned": {
    nl: "**{pupil}** was al toegewezen aan {ib}. Er is niets gewijzigd.",
    en: "**{pupil}** was already assigned to {ib}. Nothing was changed.",
  },
  "ib.removed": { nl: "**{pupil}** is niet meer toegewezen aan {ib}.", en: "**{pupil}** is no longer assigned to {ib}." },
  "ib.notAssigned": {
    nl: "**{pupil}** was niet toegewezen aan {ib}. Er is niets gewijzigd.",
    en: "**{pupil}** was not assigned to {ib}. Nothing was changed.",
  },
} as const satisfies Catalogue;
