// Conversation rounds: creating and changing them, planning their conversations, the round commands.
import type { Catalogue } from "../../text/text.js";

export const rounds = {
  "round.title": { nl: "Gespreksronde", en: "Conversation round" },
  "round.pick.title": { nl: "Welke ronde?", en: "Which round?" },
  "round.pick.roundId.label": { nl: "Ronde", en: "Round" },
  "round.pick.action.label": { nl: "Wat wil je doen?", en: "What would you like to do?" },
  "round.pick.action.edit.label": { nl: "Wijzigen", en: "Change it" },
  "round.pick.action.cancel.label": { nl: "Annuleren", en: "Cancel it" },
  "round.confirmCancel.title": { nl: "Ronde annuleren", en: "Cancel the round" },
  "round.confirmCancel.intro": {
    nl: "De herinneringen van deze ronde vervallen. Gesprekken die al gepland of gehouden zijn blijven gewoon staan.",
    en: "The round's reminders are dropped. Conversations already planned or held stay as they are.",
  },
  "round.confirmCancel.sure.label": { nl: "Weet je het zeker?", en: "Are you sure?" },
  "round.basics.title": { nl: "Naam en gespreksvorm", en: "Name and format" },
  "round.basics.tip": {
    nl: "Een naam die iedereen herkent, bijvoorbeeld 'Kindgesprekken najaar'.",
    en: "A name everyone recognises, e.g. 'Autumn conversations'.",
  },
  "round.basics.name.label": { nl: "Naam van de ronde", en: "Name of the round" },
  "round.basics.format.label": { nl: "Gespreksvorm", en: "Format" },
  "round.groups.title": { nl: "Welke groepen?", en: "Which groups?" },
  "round.groups.groupIds.label": { nl: "Groepen", en: "Groups" },
  "round.period.title": { nl: "Periode en evaluatie", en: "Period and evaluation" },
  "round.period.intro": {
    nl: "Leerkrachten krijgen bericht op de eerste schooldag van de ronde, en halverwege een herinnering als er nog leerlingen niet gepland zijn.",
    en: "Teachers hear about it on the round's first school day, and get a reminder halfway if pupils are still unplanned.",
  },
  "round.period.startDate.label": { nl: "Eerste dag", en: "First day" },
  "round.period.endDate.label": { nl: "Laatste dag", en: "Last day" },
  "round.period.evaluationWeeks.label": { nl: "Evaluatie na hoeveel weken?", en: "Evaluate after how many weeks?" },
  "round.period.evaluationWeeks.help": {
    nl: "De evaluatiedatum van de doelen wordt hierop voorgesteld.",
    en: "The goals' evaluation date is suggested from this.",
  },
  "round.period.endBeforeStart": { nl: "De laatste dag ligt vóór de eerste dag.", en: "The last day is before the first day." },
  "round.period.endPassed": { nl: "De laatste dag is al voorbij.", en: "The last day has already passed." },
  "round.period.tooLong": { nl: "Een ronde duurt hoogstens een jaar.", en: "A round lasts a year at most." },
  "round.cancel.kept": { nl: "De ronde blijft staan.", en: "The round stays as it is." },
  "round.cancel.done": { nl: "De ronde is geannuleerd; de herinneringen ervan vervallen.", en: "The round is cancelled; its reminders are dropped." },
  "round.updated": { nl: "Ronde **{name}** is gewijzigd ({start} – {end}).", en: "Round **{name}** is updated ({start} – {end})." },
  "round.overlap": {
    nl: "⚠️ Let op: ronde **{name}** ({start} – {end}) valt in dezelfde periode voor {groups}. Gesprekken op dagen van beide rondes tellen voortaan bij de ronde die het laatst begint.",
    en: "⚠️ Note: round **{name}** ({start} – {end}) falls in the same period for {groups}. Conversations on days of both rounds now count for the round that starts last.",
  },
  "round.created": {
    nl: {
      one: "Ronde **{name}** staat klaar ({start} – {end}, 1 groep). De leerkrachten krijgen op de eerste schooldag bericht met hun leerlingen. Voortgang: typ **rondes**.",
      other:
        "Ronde **{name}** staat klaar ({start} – {end}, {count} groepen). De leerkrachten krijgen op de eerste schooldag bericht met hun leerlingen. Voortgang: typ **rondes**.",
    },
    en: {
      one: "Round **{name}** is set ({start} – {end}, 1 group). Teachers hear about it on the first school day, with their pupils. Progress: type **rounds**.",
      other:
        "Round **{name}** is set ({start} – {end}, {count} groups). Teachers hear about it on the first school day, with their pupils. Progress: type **rounds**.",
    },
  },
  "plan.manual.title": { nl: "Leerling {i} plannen", en: "Plan pupil {i}" },
  "plan.pupil.label": { nl: "Leerling", en: "Pupil" },
  "plan.minutes.label": { nl: "Minuten", en: "Minutes" },
  "plan.more.label": { nl: "Nog een leerling plannen?", en: "Plan another pupil?" },
  "plan.title": { nl: "Gesprekken plannen", en: "Plan conversations" },
  "plan.target.title": { nl: "Welke ronde en groep?", en: "Which round and group?" },
  "plan.target.target.label": { nl: "Ronde — groep", en: "Round — group" },
  "plan.roundGroup": { nl: "{round} — {group}", en: "{round} — {group}" },
  "plan.mode.info": {
    nl: {
      one: "Nog te plannen: {open} van 1 leerling, tussen {date} en {date2}.",
      other: "Nog te plannen: {open} van {count} leerlingen, tussen {date} en {date2}.",
    },
    en: { one: "Still to plan: {open} of 1 pupil, between {date} and {date2}.", other: "Still to plan: {open} of {count} pupils, between {date} and {date2}." },
  },
  "plan.mode.mode.label": { nl: "Hoe wil je plannen?", en: "How would you like to plan?" },
  "plan.mode.mode.propose.label": { nl: "Stel een planning voor uit mijn vaste momenten", en: "Propose a schedule from my weekly moments" },
  "plan.mode.mode.manual.label": { nl: "Zelf per leerling plannen of verzetten", en: "Plan or move pupils one by one" },
  "plan.moments.title": { nl: "Je vaste momenten", en: "Your weekly moments" },
  "plan.moments.intro": {
    nl: "Bijvoorbeeld twee momenten zelfstandig werken per week. Weekends, vakanties, studiedagen en je vrije dagen slaat de planning over.",
    en: "For example two slots of independent work a week. The schedule skips weekends, holidays, study days and your days off.",
  },
  "plan.moments.moments.label": { nl: "Momenten per week", en: "Moments per week" },
  "plan.moments.moments.placeholder": { nl: "di 10:30-11:15, do 13:00-13:45", en: "tue 10:30-11:15, thu 13:00-13:45" },
  "plan.moments.minutes.label": { nl: "Minuten per gesprek", en: "Minutes per conversation" },
  "plan.moments.who.label": { nl: "Welke leerlingen?", en: "Which pupils?" },
  "plan.moments.who.mine.label": { nl: "Mijn deel ({length})", en: "My share ({length})" },
  "plan.moments.who.all.label": { nl: "De hele groep ({length})", en: "The whole group ({length})" },
  "plan.moments.unreadable": {
    nl: 'Dit kan ik niet lezen: "{problem}". Schrijf bijvoorbeeld "di 10:30-11:15".',
    en: 'I cannot read "{problem}". Write e.g. "tue 10:30-11:15".',
  },
  "plan.proposal.title": { nl: "Voorstel", en: "Proposal" },
  "plan.proposal.noMoments": {
    nl: "Geen van deze momenten valt op een schooldag waarop jij werkt, vanaf morgen tot het einde van de ronde.",
    en: "None of these moments falls on a school day you work, from tomorrow to the end of the round.",
  },
  "plan.proposal.notFitting": {
    nl: "Past niet meer: {join}. Voeg een moment toe of plan ze zelf.",
    en: "Does not fit: {join}. Add a moment or plan them yourself.",
  },
  "plan.proposal.accept.label": { nl: "Zo inplannen?", en: "Plan it like this?" },
  "plan.notPlanned": { nl: "Niets gepland. Typ **plannen** om opnieuw te beginnen.", en: "Nothing planned. Type **plan** to start again." },
  "plan.nothingToPlan": { nl: "Er viel niets te plannen.", en: "There was nothing to plan." },
  "plan.calendarTitle": { nl: "Kindgesprek {first}", en: "Conversation with {first}" },
  "plan.planned": {
    nl: { one: "1 gesprek gepland:", other: "{count} gesprekken gepland:" },
    en: { one: "1 conversation planned:", other: "{count} conversations planned:" },
  },
  "plan.plannedAdvice": {
    nl: "Je krijgt de schooldag ervoor een herinnering om voor te bereiden. Het agendabestand zet ze in je agenda.",
    en: "You get a reminder to prepare on the school day before. The calendar file puts them in your calendar.",
  },
  "plan.manual.intro": {
    nl: "Tussen {from} en {to}. Een leerling die al gepland is, wordt verzet.",
    en: "Between {from} and {to}. A pupil already planned is moved.",
  },
  "plan.manual.outOfRound": { nl: "Kies een datum tussen {from} en {to}.", en: "Choose a date between {from} and {to}." },
  "plan.mode.duoShare": { nl: "Jouw deel (duo): {names}.", en: "Your share (duo): {names}." },
  "plan.mode.nobodyLeft": { nl: "niemand meer", en: "nobody left" },
  "plan.proposal.intro": {
    nl: {
      one: "Op {moments}: 1 gesprek. Niet goed? Kies 'terug' en pas de momenten aan.",
      other: "Op {moments}: {count} gesprekken. Niet goed? Kies 'terug' en pas de momenten aan.",
    },
    en: {
      one: "On {moments}: 1 conversation. Not right? Choose 'back' and adjust the moments.",
      other: "On {moments}: {count} conversations. Not right? Choose 'back' and adjust the moments.",
    },
  },
  "rounds.button.newRound": { nl: "Nieuwe ronde", en: "New round" },
  "rounds.none": { nl: "Er loopt geen gespreksronde.", en: "No conversation round is running." },
  "rounds.button.change": { nl: "Wijzig {name}", en: "Change {name}" },
  "rounds.button.plan": { nl: "Plannen", en: "Plan" },
  "rounds.noneToChange": { nl: "Ik vind geen ronde die je kunt wijzigen.", en: "I find no round you can change." },
  "rounds.noneToPlan": {
    nl: "Er loopt geen gespreksronde voor jouw groep. Een gesprek buiten een ronde plan je met **voorbereiden <naam>**.",
    en: "No round is running for your group. Plan a conversation outside a round with **prepare <name>**.",
  },
  "rounds.progress": {
    nl: "{group}: {planned}/{pupils} gepland, {held} gehouden, {evaluated} geëvalueerd{overdue}",
    en: "{group}: {planned}/{pupils} planned, {held} held, {evaluated} evaluated{overdue}",
  },
  "rounds.progress.overdue": { nl: ", {overdue} achter", en: ", {overdue} overdue" },
} as const satisfies Catalogue;
