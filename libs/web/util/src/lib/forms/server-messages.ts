import type { AbstractControl } from '@angular/forms';
import { controlLabel } from './control-labels';

/**
 * The API names the field a 400 message concerns at its start: `nom : …`, the property path of
 * a nested field `actions.0.ownerLabel : …`, or several fields `from, to : …`.
 */
const FIELD_MESSAGE = /^([A-Za-z_]\w*(?:\.\w+)*(?:\s*,\s*[A-Za-z_]\w*(?:\.\w+)*)*)\s+:\s+([\s\S]+)$/;

export interface ParsedMessage {
  /** The property paths named by the message (none for a message about the whole form). */
  paths: string[];
  /** The message without its paths. */
  text: string;
}

export function parseServerMessage(message: string): ParsedMessage {
  const match = FIELD_MESSAGE.exec(message.trim());
  if (!match) return { paths: [], text: message.trim() };
  return { paths: match[1].split(',').map((path) => path.trim()), text: match[2].trim() };
}

/** `actions.*.ownerLabel` matches `actions.3.ownerLabel` and captures `3`. */
function wildcard(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '(\\d+)');
  return new RegExp(`^${escaped}$`);
}

/** `path` rewritten by the first mapping whose key matches it (`*` keeps the item index), or `path`. */
export function mapPath(path: string, mapping: Readonly<Record<string, string>>): string {
  for (const [from, to] of Object.entries(mapping)) {
    const match = wildcard(from).exec(path);
    if (!match) continue;
    let index = 1;
    return to.replace(/\*/g, () => match[index++] ?? '*');
  }
  return path;
}

/** A field's label: text (`{n}` stands for the item number, from 1), or a function of the item index. */
export type FieldLabel = string | ((index: number) => string);

/** The label configured for a control path. */
export function configuredLabel(path: string, labels: Readonly<Record<string, FieldLabel>>): string | null {
  for (const [pattern, label] of Object.entries(labels)) {
    const match = wildcard(pattern).exec(path);
    if (!match) continue;
    const index = Number(match[1] ?? 0);
    return typeof label === 'function' ? label(index) : label.replace('{n}', String(index + 1));
  }
  return null;
}

/** A message placed on a field: the control, and how the field is called on screen. */
export interface FieldMessage {
  control: AbstractControl;
  label: string;
  text: string;
}

/**
 * Where a message goes: the controls it names that exist in `form` and whose field has a label
 * (configured, or registered by the field's error display); `null` when none does.
 */
export function placeMessage(
  form: AbstractControl,
  message: ParsedMessage,
  options: { fields?: Readonly<Record<string, string>>; labels?: Readonly<Record<string, FieldLabel>> } = {},
): FieldMessage[] | null {
  const placed: FieldMessage[] = [];
  for (const path of message.paths) {
    const controlPath = mapPath(path, options.fields ?? {});
    const control = form.get(controlPath);
    if (!control || control === form) continue;
    const label = configuredLabel(controlPath, options.labels ?? {}) ?? controlLabel(control);
    if (label) placed.push({ control, label, text: message.text });
  }
  return placed.length > 0 ? placed : null;
}
