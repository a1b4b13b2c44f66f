// All of the core's texts, one catalogue per area. Keys are unique across areas (a test checks it).
import { checks } from "./checks.js";
import { common } from "./common.js";
import { dialogs } from "./dialogs.js";
import { evaluations } from "./evaluations.js";
import { printed } from "./printed.js";
import { prepare } from "./prepare.js";
import { reminders } from "./reminders.js";
import { rounds } from "./rounds.js";

export const areas = { checks, common, dialogs, evaluations, prepare, printed, reminders, rounds } as const;

export const catalogue = { ...checks, ...common, ...dialogs, ...evaluations, ...prepare, ...printed, ...reminders, ...rounds };

export type MessageKey = keyof typeof catalogue;
