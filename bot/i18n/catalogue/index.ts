// All of the core's texts, one catalogue per area. Keys are unique across areas (a test checks it).
// Adding a text: a key in its area's file with Dutch and English side by side, {name} for a value,
// { one, other } forms for a count ({count}). Read it with translate(locale, key, vars), ctx.t(key,
// vars) in commands, or localized(key, vars) where a `{ nl, en }` value is wanted (dialog steps).
// The compiler checks that both languages are there and that every placeholder is given.
import { admin } from "./admin.js";
import { checks } from "./checks.js";
import { coach } from "./coach.js";
import { common } from "./common.js";
import { conversationRead } from "./conversation-read.js";
import { dates } from "./dates.js";
import { dialogs } from "./dialogs.js";
import { evaluations } from "./evaluations.js";
import { holidays } from "./holidays.js";
import { needs } from "./needs.js";
import { ownership } from "./ownership.js";
import { pictureCards } from "./picture-cards.js";
import { printed } from "./printed.js";
import { privacy } from "./privacy.js";
import { prepare } from "./prepare.js";
import { pupilReview } from "./pupil-review.js";
import { questions } from "./questions.js";
import { reminders } from "./reminders.js";
import { rounds } from "./rounds.js";
import { schoolYear } from "./school-year.js";
import { schools } from "./schools.js";
import { shortConversation } from "./short-conversation.js";
import { startgesprek } from "./startgesprek.js";

export const areas = {
  admin,
  checks,
  coach,
  common,
  conversationRead,
  dates,
  dialogs,
  evaluations,
  holidays,
  needs,
  ownership,
  pictureCards,
  prepare,
  printed,
  privacy,
  pupilReview,
  questions,
  reminders,
  rounds,
  schoolYear,
  schools,
  shortConversation,
  startgesprek,
} as const;

export const catalogue = {
  ...admin,
  ...checks,
  ...coach,
  ...common,
  ...conversationRead,
  ...dates,
  ...dialogs,
  ...evaluations,
  ...holidays,
  ...needs,
  ...ownership,
  ...pictureCards,
  ...prepare,
  ...printed,
  ...privacy,
  ...pupilReview,
  ...questions,
  ...reminders,
  ...rounds,
  ...schoolYear,
  ...schools,
  ...shortConversation,
  ...startgesprek,
};

export type MessageKey = keyof typeof catalogue;
