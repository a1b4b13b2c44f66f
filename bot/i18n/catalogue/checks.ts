// The SMART-agreement and observable-goal checks: what is missing, a hint, and examples per topic.
import type { Catalogue } from "../../text/text.js";

export const checks = {
  "check.example.agreement.reading": {
    nl: "Ik lees elke dag na de pauze 15 minuten in mijn leesboek.",
    en: "I read my reading book for 15 minutes every day after break.",
  },
  "check.example.agreement.maths": {
    nl: "Ik oefen elke ochtend 5 minuten de tafel van 7 met flitskaartjes.",
    en: "I practise the 7 times table with flashcards for 5 minutes every morning.",
  },
  "check.example.agreement.spelling": {
    nl: "Ik schrijf elke dinsdag de 10 woorden van de week over en laat ze aan juf zien.",
    en: "Every Tuesday I copy out the 10 words of the week and show them to my teacher.",
  },
  "check.example.agreement.attention": {
    nl: "Na de uitleg begin ik meteen en maak ik eerst 3 sommen zelf voordat ik mijn vinger opsteek.",
    en: "After the explanation I start straight away and do 3 sums on my own before I put my hand up.",
  },
  "check.example.agreement.calm": {
    nl: "Als ik iets wil zeggen, steek ik mijn vinger op en wacht ik tot juf mij de beurt geeft.",
    en: "When I want to say something, I put my hand up and wait until my teacher says my name.",
  },
  "check.example.agreement.social": {
    nl: "Als ik boos word, loop ik naar de rustplek en tel ik tot tien.",
    en: "When I get angry, I walk to the calm corner and count to ten.",
  },
  "check.example.agreement.help": {
    nl: "Als ik vastzit, zet ik mijn blokje op rood en maak ik eerst een andere opdracht.",
    en: "When I am stuck, I turn my cube to red and do another task until my teacher comes.",
  },
  "check.example.agreement.planning": {
    nl: "Ik schrijf elke dag mijn huiswerk in mijn agenda en laat het thuis aan papa of mama zien.",
    en: "Every day I write my homework in my planner and show it to mum or dad at home.",
  },
  "check.example.agreement.confidence": {
    nl: "Ik vertel één keer per week in de kring iets over een werkje waar ik trots op ben.",
    en: "Once a week in circle time I tell the group about a piece of work I am proud of.",
  },
  "check.example.agreement.general": {
    nl: "Ik maak elke ochtend één opdracht van mijn weektaak af zonder hulp en laat die aan juf zien.",
    en: "Every morning I finish one task from my weekly plan without help and show it to my teacher.",
  },
  "check.example.goal.attention": {
    nl: "{name} werkt na de groepsinstructie 10 minuten zelfstandig aan de weektaak.",
    en: "{name} works on the weekly task independently for 10 minutes after the group instruction.",
  },
  "check.example.goal.calm": {
    nl: "{name} blijft tijdens de instructie van 15 minuten op de eigen plek zitten.",
    en: "{name} stays in their seat during the 15-minute instruction.",
  },
  "check.example.goal.reading": {
    nl: "{name} leest tijdens de leesles 20 mkm-woorden binnen een minuut zonder fouten.",
    en: "{name} reads 20 CVC words within one minute without mistakes in the reading lesson.",
  },
  "check.example.goal.maths": {
    nl: "{name} maakt tijdens zelfstandig werken 8 van de 10 keersommen tot en met de tafel van 5 goed.",
    en: "{name} gets 8 out of 10 times-table sums up to 5 right during independent work.",
  },
  "check.example.goal.spelling": {
    nl: "{name} schrijft bij het dictee 8 van de 10 woorden met ei of ij goed.",
    en: "{name} spells 8 out of 10 words of the week correctly in the Friday dictation.",
  },
  "check.example.goal.social": {
    nl: "{name} loopt bij ruzie in de pauze naar de pleinwacht in plaats van te duwen, 4 van de 5 keer.",
    en: "{name} walks to the teacher on duty instead of pushing when there is an argument at break, 4 out of 5 times.",
  },
  "check.example.goal.help": {
    nl: "{name} maakt tijdens zelfstandig werken eerst zelf 2 sommen en vraagt daarna hulp met het hulpkaartje.",
    en: "{name} does 2 sums alone first and then asks for help with the help card during independent work.",
  },
  "check.example.goal.planning": {
    nl: "{name} schrijft elke dag het huiswerk in de agenda en laat dat de volgende ochtend aan de leerkracht zien.",
    en: "{name} writes the homework in the planner every day and shows it to the teacher the next morning.",
  },
  "check.example.goal.confidence": {
    nl: "{name} vertelt één keer per week in de kring iets over een eigen werkstuk.",
    en: "{name} tells the group about a piece of their own work once a week in circle time.",
  },
  "check.example.goal.general": {
    nl: "{name} werkt na de groepsinstructie 10 minuten zelfstandig aan de weektaak.",
    en: "{name} works on the weekly task independently for 10 minutes after the group instruction.",
  },
  "check.subject.this": { nl: "Dit", en: "This" },
  "check.who.hint": {
    nl: "Noem één persoon of rol, met naam: bijvoorbeeld 'ik (Sam)', 'juf Anna' of 'Sam en papa'.",
    en: "Name one person or role, by name: for example 'I (Sam)', 'Ms Anna' or 'Sam and dad'.",
  },
  "check.who.missing": { nl: "Er staat nog niet wie de afspraak uitvoert.", en: "It does not say yet who carries out the agreement." },
  "check.who.vague": {
    nl: "{subject} zegt niet wie het precies doet. Als iedereen het doet, voelt niemand zich eigenaar.",
    en: "{subject} does not say who exactly does it. When everyone does it, nobody owns it.",
  },
  "check.what.missing": { nl: "Er staat nog niet wat er gaat gebeuren.", en: "It does not say yet what is going to happen." },
  "check.what.missing.hint": {
    nl: "Schrijf op wat je gaat doen. Bijvoorbeeld: '{example}'",
    en: "Write down what you are going to do. For example: '{example}'",
  },
  "check.what.notMeasurable": {
    nl: "{subject} zegt niet hoeveel: hoe vaak, hoe lang of hoeveel? Zonder maat weet je later niet of het gelukt is.",
    en: "{subject} does not say how much: how often, how long or how many? Without a measure nobody can tell later whether it worked.",
  },
  "check.what.notMeasurable.hint": {
    nl: "Voeg een getal, een tijdsduur of een aantal keer toe. Bijvoorbeeld: '{example}'",
    en: "Add a number, a duration or how many times. For example: '{example}'",
  },
  "check.what.effort": {
    nl: "{subject} is een goed voornemen, maar niemand kan het zien of tellen. Wat ga je dan precies doen?",
    en: "{subject} is a good intention, but nobody can see or count it. What exactly will you do?",
  },
  "check.what.short": {
    nl: "{subject} is te kort om na te gaan: wat doe je precies, hoeveel en hoe?",
    en: "{subject} is too short to check: what exactly, how much and how?",
  },
  "check.what.no_verb": { nl: "{subject} noemt geen handeling: wat ga je doen?", en: "{subject} names no action: what are you going to do?" },
  "check.what.vague.hint": {
    nl: "Beschrijf iets wat je kunt zien gebeuren. Bijvoorbeeld: '{example}'",
    en: "Describe something you can see happen. For example: '{example}'",
  },
  "check.when.hint": {
    nl: "Kies een vast moment, een dag of een datum: bijvoorbeeld 'elke ochtend na de kring', 'tijdens zelfstandig werken' of 'vóór de kerstvakantie'.",
    en: "Pick a fixed moment, a day or a date: for example 'every morning after registration', 'during independent work' or 'by the Christmas holidays'.",
  },
  "check.when.missing": { nl: "Er staat nog niet wanneer het gebeurt.", en: "It does not say yet when it happens." },
  "check.when.vague": {
    nl: "{subject} is geen vast moment: wanneer precies, en hoe vaak?",
    en: "{subject} is not a fixed moment: when exactly, and how often?",
  },
  "check.goal.thePupil": { nl: "de leerling", en: "the pupil" },
  "check.goal.lead.label": {
    nl: "Beschrijf wat {name} doet in plaats van een label of diagnose.",
    en: "Describe what {name} does instead of a label or diagnosis.",
  },
  "check.goal.lead.not_observable": {
    nl: "Maak het doel{goal} zichtbaar: wat doet {name} als het doel bereikt is?",
    en: "Make the goal{goal} visible: what does {name} do once the goal is reached?",
  },
  "check.goal.lead.no_measure": {
    nl: "Maak het doel{goal} meetbaar: hoe vaak, hoe lang of hoe goed? Denk aan '3 van de 4 keer', 'binnen 10 minuten' of 'zonder hulp'.",
    en: "Make the goal{goal} measurable: how often, how long or how well? Think of '3 out of 4 times', 'within 10 minutes' or 'without help'.",
  },
  "check.goal.follow.label": {
    nl: " Bespreek daarna in een kindgesprek hoe {name} de taak zelf aanpakt.",
    en: " Then, in a pupil conversation, ask {name} to explain how they tackle the task.",
  },
  "check.goal.suggestion": {
    nl: "{lead} Schrijf het als: <naam> <doet wat> <hoe vaak/hoe lang/hoe goed> <wanneer>. Bijvoorbeeld: '{example}' Vraag: 'Wat zie je {name} precies doen, wanneer, en hoe vaak?'{follow}",
    en: "{lead} Write it as: <name> <does what> <how often/how long/how well> <when>. For example: '{example}' Ask: 'What exactly do you see {name} do, when, and how often?'{follow}",
  },
  "check.goal.label": {
    nl: "'{found}' is een label of diagnose, geen gedrag dat je kunt zien. Het zegt niet wat de leerling doet of nodig heeft.",
    en: "'{found}' is a label or diagnosis, not behaviour you can see. It does not say what the pupil does or needs.",
  },
  "check.goal.not_observable": {
    nl: "Dit doel noemt geen gedrag dat je kunt zien of horen: wat doet de leerling precies?",
    en: "This goal names no behaviour you can see or hear: what exactly does the pupil do?",
  },
  "check.goal.empty": {
    nl: "Er staat nog geen doel: wat wil je dat de leerling straks kan of doet?",
    en: "There is no goal yet: what should the pupil be able to do by the end?",
  },
  "check.goal.no_measure": {
    nl: "Het gedrag is zichtbaar, maar er staat niet hoe vaak, hoe lang of hoe goed.",
    en: "The behaviour is visible, but it does not say how often, how long or how well.",
  },
} as const satisfies Catalogue;
