// The ownership skills: the taps that record who did what (goal, approach, looking back,
// evaluation) and the team's view of how often each skill came up (`eigenaarschap`).
export const ownership = {
  "ownership.setBy.label": { nl: "Wie stelde dit doel?", en: "Who set this goal?" },
  "ownership.approachBy.label": { nl: "Wie koos hoe en met welke hulp?", en: "Who chose how, and with which help?" },
  "ownership.lookedBackBy.label": {
    nl: "Wie blikte terug op het doel of de afspraken van vorige keer?",
    en: "Who looked back on last time's goal or agreements?",
  },
  "ownership.assessedBy.label": { nl: "Wie beoordeelde of het doel bereikt is?", en: "Who judged whether the goal was reached?" },
  "ownership.by.pupil": { nl: "de leerling zelf", en: "the pupil" },
  "ownership.by.together": { nl: "samen", en: "together" },
  "ownership.by.teacher": { nl: "ik (de leerkracht)", en: "I did (the teacher)" },
  "help.ownership": {
    nl: "**eigenaarschap** — hoe vaak de vier eigenaarschapsvaardigheden dit schooljaar in gesprekken terugkwamen, per groep en bouw (alleen aantallen)",
    en: "**ownership** — how often the four ownership skills came up in this school year's conversations, per group and bouw (counts only)",
  },
  "ownershipView.header": {
    nl: "Eigenaarschap in de gesprekken met leerlingen van schooljaar {year}: aantallen, geen namen of inhoud.",
    en: "Ownership in this school year's conversations with pupils ({year}): counts, no names or content.",
  },
  "ownershipView.line": {
    nl: { one: "**{name}**: 1 gesprek · {skills}", other: "**{name}**: {count} gesprekken · {skills}" },
    en: { one: "**{name}**: 1 conversation · {skills}", other: "**{name}**: {count} conversations · {skills}" },
  },
  "ownershipView.noConversations": { nl: "**{name}**: nog geen gesprekken", en: "**{name}**: no conversations yet" },
  "ownershipView.skill": { nl: "{skill} {count} ({percent}%)", en: "{skill} {count} ({percent}%)" },
  "ownershipView.evaluations": {
    nl: { one: "1 evaluatie, {selfAssessed} door de leerling zelf beoordeeld", other: "{count} evaluaties, {selfAssessed} door de leerling zelf beoordeeld" },
    en: { one: "1 evaluation, {selfAssessed} judged by the pupil", other: "{count} evaluations, {selfAssessed} judged by the pupil" },
  },
  "ownershipView.least": {
    nl: "Minste aandacht in de {bouw}: {skills} (zelfevaluatie telt ook bij evaluaties).",
    en: "Least attention in the {bouw}: {skills} (self-evaluation also counts at evaluations).",
  },
  "ownershipView.schoolTotal": { nl: "Hele school", en: "Whole school" },
  "ownershipView.howCounted": {
    nl: "Een vaardigheid telt als de leerling het deed: het doel (mee) stelde, de aanpak (mee) koos, terugblikte op het eigen doel of het zelf beoordeelde. Ingevulde velden alleen tellen niet; een leerlingbespreking of groepsgesprek telt niet mee.",
    en: "A skill counts when the pupil did it: set (or co-set) the goal, chose (or co-chose) the approach, looked back on their own goal or judged it themself. Filled-in fields alone do not count; a pupil review meeting or group conversation does not count.",
  },
  "ownershipView.none": { nl: "Er zijn dit schooljaar nog geen groepen om te tonen.", en: "There are no groups to show this school year yet." },
  "ownershipView.refused": {
    nl: "Eigenaarschap per groep en bouw is voor teamleiders (hun bouw), de IB'er en de directeur (de hele school). Wat jouw leerlingen lieten zien, staat bij **leerling <naam>**.",
    en: "Ownership per group and bouw is for team leaders (their bouw), the IB'er and the director (the whole school). What your pupils showed is under **pupil <name>**.",
  },
} as const;
