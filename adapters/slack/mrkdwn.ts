// Text between the core's markdown-light (**bold**, line breaks) and Slack's mrkdwn, both ways.

/** Slack needs &, < and > escaped; escaping also keeps typed text from becoming a mention or link. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The core's **bold** as Slack's *bold*, everything else escaped. */
export function toMrkdwn(text: string): string {
  return escapeMrkdwn(text).replace(/\*\*(.+?)\*\*/g, "*$1*");
}

/**
 * What a teacher typed, as plain text: Slack sends mentions as <@U123>, links as <url|label> and
 * escapes &, < and >. Mentions of the bot are dropped; links become their label (or address).
 */
export function cleanTypedText(text: string): string {
  return text
    .replace(/<@[UW][A-Z0-9]+(?:\|[^>]*)?>/g, "")
    .replace(/<(?:mailto:)?([^|>]+)\|([^>]*)>/g, "$2")
    .replace(/<(?:mailto:)?([^>]+)>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .trim();
}

/** Splits text into pieces of at most `max` characters, at line breaks where possible. */
export function chunkText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const line of text.split("\n")) {
    const pieces = line.length > max ? line.match(new RegExp(`[\\s\\S]{1,${max}}`, "g")) ?? [] : [line];
    for (const piece of pieces) {
      if (current && current.length + 1 + piece.length > max) {
        chunks.push(current);
        current = piece;
      } else current = current ? `${current}\n${piece}` : piece;
    }
  }
  if (current.trim()) chunks.push(current);
  return chunks;
}
