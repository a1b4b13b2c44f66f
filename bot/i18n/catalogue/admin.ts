// The school admin's staff and group commands (issue 14): help lines, confirmations and refusals.
import type { Catalogue } from "../../text/text.js";

export const admin = {
  "help.adminTitle": { nl: "Voor de beheerder:", en: "For the school admin:" },
  "help.staff": { nl: "**medewerkers** — wie er werkt, met rollen en groepen", en: "**staff** — who works here, with roles and groups" },
  "help.addStaff": {
    nl: "**medewerker toevoegen <e-mail> <naam> [rol ib / teamleider bovenbouw]** — een medewerker toevoegen (standaard leerkracht)",
    en: "**add staff <email> <name> [role ib / team_leader bovenbouw]** — add a member of staff (a teacher unless you say otherwise)",
  },
  "help.deactivateStaff": {
    nl: "**medewerker uitschakelen <e-mail>** — toegang en groepen vervallen, gegevens blijven bewaard",
    en: "**deactivate staff <email>** — access and groups end, records are kept",
  },
  "help.group": {
    nl: "**groep <naam>** — leerkrachten, werkdagen en format van een groep",
    en: "**group <name>** — a group's teachers, working days and format",
  },
  "help.groupTeacher": {
    nl: "**groep <naam> leerkracht <e-mail> [dagen ma,di]** — leerkracht koppelen of werkdagen wijzigen; **groep <naam> leerkracht weg <e-mail>** — ontkoppelen",
    en: "**group <name> teacher <email> [days mon,tue]** — link a teacher or change their days; **group <name> teacher remove <email>** — unlink",
  },
  "help.groupFormat": {
    nl: "**groep <naam> format <sleutel>** — het format van de groep (**standaard**: dat van de bouw)",
    en: "**group <name> format <key>** — the group's format (**default**: the bouw's)",
  },

  "admin.notAllowed": {
    nl: "Alleen de beheerder van de school kan medewerkers en groepen bekijken en wijzigen. Je eigen groep zie je met **mijn groep**.",
    en: "Only the school admin can see and change staff and groups. Type **my group** to see your own group.",
  },
  "admin.addUsage": {
    nl: "Typ bijvoorbeeld **medewerker toevoegen anna@school.nl Anna de Vries**, of met een rol: **… rol teamleider bovenbouw**.",
    en: "Type for example **add staff anna@school.nl Anna de Vries**, or with a role: **… role team_leader bovenbouw**.",
  },
  "admin.deactivateUsage": { nl: "Typ bijvoorbeeld **medewerker uitschakelen anna@school.nl**.", en: "Type for example **deactivate staff anna@school.nl**." },
  "admin.groupUsage": {
    nl: "Typ bijvoorbeeld **groep 5**, **groep 5 leerkracht anna@school.nl dagen ma,di**, **groep 5 leerkracht weg anna@school.nl** of **groep 5 format hgw-kindgesprek**.",
    en: "Type for example **group 5**, **group 5 teacher anna@school.nl days mon,tue**, **group 5 teacher remove anna@school.nl** or **group 5 format hgw-kindgesprek**.",
  },
  "admin.badEmail": { nl: "'{email}' is geen geldig e-mailadres. Er is niets gewijzigd.", en: "'{email}' is not a valid e-mail address. Nothing was changed." },
  "admin.badName": {
    nl: "Geef ook de naam (hoogstens 200 tekens). Er is niets gewijzigd.",
    en: "Give the name too (at most 200 characters). Nothing was changed.",
  },
  "admin.unknownRole": {
    nl: "'{word}' is geen rol of bouw die ik ken. Rollen: {known}; bouwen: onderbouw, middenbouw, bovenbouw. Er is niets gewijzigd.",
    en: "'{word}' is not a role or bouw I know. Roles: {known}; bouwen: onderbouw, middenbouw, bovenbouw. Nothing was changed.",
  },
  "admin.leadsNeeded": {
    nl: "Een teamleider leidt een bouw: noem die erbij, bijvoorbeeld **rol teamleider bovenbouw**. Er is niets gewijzigd.",
    en: "A team leader leads a bouw: name it, for example **role team_leader bovenbouw**. Nothing was changed.",
  },
  "admin.leadsOnlyTeamLeader": {
    nl: "Alleen een teamleider leidt een bouw. Er is niets gewijzigd.",
    en: "Only a team leader leads a bouw. Nothing was changed.",
  },
  "admin.unknownStaff": {
    nl: "Ik ken geen medewerker met e-mailadres {email} op je school. Typ **medewerkers** voor de lijst. Er is niets gewijzigd.",
    en: "I know no member of staff with the e-mail address {email} at your school. Type **staff** for the list. Nothing was changed.",
  },
  "admin.inactiveStaff": {
    nl: "{email} is uitgeschakeld. Zet die eerst terug met **medewerker toevoegen {email} <naam>**. Er is niets gewijzigd.",
    en: "{email} is deactivated. Bring them back first with **add staff {email} <name>**. Nothing was changed.",
  },
  "admin.notATeacher": {
    nl: "{email} heeft geen rol leerkracht, dus een groep geeft geen toegang. Er is niets gewijzigd.",
    en: "{email} does not have the teacher role, so a group would give no access. Nothing was changed.",
  },
  "admin.self": { nl: "Je kunt jezelf niet uitschakelen. Er is niets gewijzigd.", en: "You cannot deactivate yourself. Nothing was changed." },
  "admin.unknownGroup": {
    nl: "Ik ken geen groep '{group}' in schooljaar {year}. Groepen: {known}. Er is niets gewijzigd.",
    en: "I know no group '{group}' in school year {year}. Groups: {known}. Nothing was changed.",
  },
  "admin.notLinked": { nl: "{email} is geen leerkracht van {group}. Er is niets gewijzigd.", en: "{email} is not a teacher of {group}. Nothing was changed." },
  "admin.badDay": {
    nl: "'{word}' is geen dag die ik ken. Schrijf de dagen als **ma,di,wo,do,vr** (of **ma-wo**). Er is niets gewijzigd.",
    en: "'{word}' is not a day I know. Write the days as **mon,tue,wed,thu,fri** (or **mon-wed**). Nothing was changed.",
  },
  "admin.dayTwice": { nl: "'{word}' noemt een dag twee keer. Er is niets gewijzigd.", en: "'{word}' names a day twice. Nothing was changed." },
  "admin.notSchoolDays": {
    nl: "De school is niet open op {days} (schooldagen: {schoolDays}). Er is niets gewijzigd.",
    en: "The school is not open on {days} (school days: {schoolDays}). Nothing was changed.",
  },
  "admin.unknownFormat": {
    nl: "'{key}' is geen format dat ik ken. Kies uit: {known} (of **standaard**). Er is niets gewijzigd.",
    en: "'{key}' is not a format I know. Choose from: {known} (or **default**). Nothing was changed.",
  },

  "admin.added": { nl: "Toegevoegd: {name} ({email}) als {roles}.", en: "Added: {name} ({email}) as {roles}." },
  "admin.reactivated": {
    nl: "{name} ({email}) is weer actief, als {roles}. Koppel een groep met **groep <naam> leerkracht {email}**.",
    en: "{name} ({email}) is active again, as {roles}. Link a group with **group <name> teacher {email}**.",
  },
  "admin.alreadyActive": {
    nl: "{name} ({email}) staat al op de personeelslijst, als {roles}. Er is niets gewijzigd.",
    en: "{name} ({email}) is already on the staff list, as {roles}. Nothing was changed.",
  },
  "admin.alreadyInactive": {
    nl: "{name} ({email}) was al uitgeschakeld. Er is niets gewijzigd.",
    en: "{name} ({email}) was already deactivated. Nothing was changed.",
  },
  "admin.deactivated": {
    nl: "{name} ({email}) is uitgeschakeld: geen toegang meer. Gesprekken, doelen en notities blijven bewaard.",
    en: "{name} ({email}) is deactivated: no access any more. Conversations, goals and notes are kept.",
  },
  "admin.inStagedRoster": {
    nl: "Let op: het rooster voor {year} dat klaarstaat noemt {email}. Het gaat pas in als het opnieuw is ingelezen zonder dit adres.",
    en: "Note: the roster waiting for {year} names {email}. It takes effect only once imported again without this address.",
  },
  "admin.deactivatedGroups": { nl: "Niet langer leerkracht van: {groups}.", en: "No longer a teacher of: {groups}." },
  "admin.dialogsKept": {
    nl: { one: "1 onafgemaakt gesprek blijft bewaard (gepauzeerd).", other: "{count} onafgemaakte gesprekken blijven bewaard (gepauzeerd)." },
    en: { one: "1 unfinished dialog is kept (paused).", other: "{count} unfinished dialogs are kept (paused)." },
  },
  "admin.withoutTeacher": {
    nl: {
      one: "Let op: {groups} heeft nu geen leerkracht. Koppel er een met **groep <naam> leerkracht <e-mail>**.",
      other: "Let op: {count} groepen hebben nu geen leerkracht: {groups}. Koppel aan elke groep een leerkracht met **groep <naam> leerkracht <e-mail>**.",
    },
    en: {
      one: "Note: {groups} now has no teacher. Link one with **group <name> teacher <email>**.",
      other: "Note: {count} groups now have no teacher: {groups}. Link a teacher to each with **group <name> teacher <email>**.",
    },
  },
  "admin.linkAdded": { nl: "{name} is nu leerkracht van {group}, op {days}.", en: "{name} now teaches {group}, on {days}." },
  "admin.linkUpdated": { nl: "{name} werkt in {group} nu op {days}.", en: "{name} now works in {group} on {days}." },
  "admin.linkUnchanged": {
    nl: "{name} werkt al in {group}, op {days}. Er is niets gewijzigd.",
    en: "{name} already works in {group}, on {days}. Nothing was changed.",
  },
  "admin.unlinked": { nl: "{name} is geen leerkracht van {group} meer.", en: "{name} no longer teaches {group}." },
  "admin.formatSet": { nl: "{group} gebruikt nu het format {format}.", en: "{group} now uses the format {format}." },
  "admin.formatCleared": { nl: "{group} volgt weer het format van de bouw: {format}.", en: "{group} follows the bouw's format again: {format}." },
  "admin.formatUnchanged": {
    nl: "{group} gebruikt al het format {format}. Er is niets gewijzigd.",
    en: "{group} already uses the format {format}. Nothing was changed.",
  },

  "admin.groupHeader": { nl: "**{group}** ({bouw}, schooljaar {year})", en: "**{group}** ({bouw}, school year {year})" },
  "admin.groupFormatOwn": { nl: "Format: {format} (eigen keuze van de groep)", en: "Format: {format} (the group's own choice)" },
  "admin.groupFormatBouw": { nl: "Format: {format} (dat van de bouw)", en: "Format: {format} (the bouw's)" },
  "admin.groupTeacherLine": { nl: "- {name} ({email}): {days}", en: "- {name} ({email}): {days}" },
  "admin.groupNoTeachers": { nl: "Nog geen leerkracht gekoppeld.", en: "No teacher linked yet." },
  "admin.staffHeader": {
    nl: { one: "1 actieve medewerker:", other: "{count} actieve medewerkers:" },
    en: { one: "1 active member of staff:", other: "{count} active members of staff:" },
  },
  "admin.staffLine": { nl: "- {name} ({email}) — {roles}{groups}", en: "- {name} ({email}) — {roles}{groups}" },
  "admin.staffGroups": { nl: " — {groups}", en: " — {groups}" },

  "role.teacher": { nl: "leerkracht", en: "teacher" },
  "role.team_leader": { nl: "teamleider", en: "team leader" },
  "role.ib": { nl: "IB'er", en: "IB'er" },
  "role.admin": { nl: "beheerder", en: "admin" },
  "role.content_reader": { nl: "meelezer", en: "content reader" },
  "role.privacy_officer": { nl: "privacyfunctionaris", en: "privacy officer" },
  "role.director": { nl: "directeur", en: "director" },
  "role.board_admin": { nl: "bestuursbeheerder", en: "board administrator" },
} as const satisfies Catalogue;
