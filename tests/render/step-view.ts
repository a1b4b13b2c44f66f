// A small builder of StepViews for the renderer tests: one field of every kind by default.
import { FieldKind as FieldKindSchema, type FieldKind, type FieldView, type StepView } from "../../dialogs/engine/types.js";

export function field(kind: FieldKind, overrides: Partial<FieldView> = {}): FieldView {
  const base: FieldView = { id: `${kind}Field`, kind, label: `Label ${kind}`, required: false };
  if (kind === "singleChoice" || kind === "multiChoice") {
    base.options = [
      { value: "blij", label: "Blij", icon: "😀" },
      { value: "boos", label: "Boos", icon: "😠" },
      { value: "bang", label: "Bang" },
    ];
  }
  if (kind === "pupil") base.options = pupils(12);
  return { ...base, ...overrides };
}

export function options(count: number, label = (i: number) => `Optie ${i}`): NonNullable<FieldView["options"]> {
  return Array.from({ length: count }, (_, i) => ({ value: `o${i + 1}`, label: label(i + 1) }));
}

export function pupils(count: number): NonNullable<FieldView["options"]> {
  return Array.from({ length: count }, (_, i) => ({ value: `pupil_${i + 1}`, label: `Leerling ${i + 1}` }));
}

export const ALL_KINDS: FieldKind[] = [...FieldKindSchema.options];

export function stepView(overrides: Partial<StepView> = {}): StepView {
  const locale = overrides.locale ?? "nl";
  return {
    sessionId: "sess_123",
    version: 4,
    stepId: "goals",
    dialogTitle: "Kindgesprek voorbereiden",
    title: "Doelen",
    intro: "Wat wil de leerling bereiken?",
    tips: ["Stel open vragen."],
    info: ["Vorig doel: beter lezen."],
    progress: { index: 2, total: 7 },
    fields: ALL_KINDS.map((kind) => field(kind)),
    errors: [],
    actions:
      locale === "nl"
        ? { submit: "Volgende", back: "Terug", skip: "Overslaan", pause: "Pauze", cancel: "Stoppen" }
        : { submit: "Next", back: "Back", skip: "Skip", pause: "Pause", cancel: "Stop" },
    locale,
    ...overrides,
  };
}
