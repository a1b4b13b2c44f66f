// A group's onderwijsbehoeften as a printable page for the groepsplan (HTML and PDF, printable.ts):
// per pupil the statements, each with the conversation it came from, then the pupils without one.
import type { GroupNeeds } from "../services/educational-needs.js";
import { translatorFor } from "../i18n/translate.js";
import type { Block, Printable } from "./printable.js";
import { printedDate } from "./printed-date.js";

export function needsPrintable(data: GroupNeeds, locale: "nl" | "en"): Printable {
  const t = translatorFor(locale);
  const day = (iso: string) => printedDate(iso, locale);
  const blocks: Block[] = [
    { kind: "paragraph", muted: true, text: `${data.schoolName} · ${t("needs.generated", { date: day(data.generatedOn), since: day(data.since) })}` },
    { kind: "paragraph", text: t(data.rows.length ? "needs.intro" : "needs.empty") },
  ];
  const byPupil = new Map<string, GroupNeeds["rows"]>();
  for (const row of data.rows) byPupil.set(row.pupilId, [...(byPupil.get(row.pupilId) ?? []), row]);
  for (const rows of byPupil.values())
    blocks.push({
      kind: "box",
      title: rows[0]!.pupilName,
      lines: rows.map((r) => ({ label: t("needs.from", { format: r.formatName[locale], date: day(r.heldOn) }), text: r.statement })),
    });
  if (data.without.length) blocks.push({ kind: "heading", text: t("needs.without", { count: data.without.length }) }, { kind: "list", items: data.without });
  return { lang: locale, title: t("needs.title", { group: data.groupName }), blocks };
}
