import type { AbstractControl } from '@angular/forms';

/**
 * How each control is called on screen. A field's error display registers the label it shows
 * (« Nom du terrain »), so that a server message about that control can name the field by its
 * label, never by a property path.
 */
const LABELS = new WeakMap<AbstractControl, string>();

export function setControlLabel(control: AbstractControl, label: string): void {
  const text = label.replace(/\s*\*\s*$/, '').trim();
  if (text) LABELS.set(control, text);
}

export function controlLabel(control: AbstractControl): string | null {
  return LABELS.get(control) ?? null;
}
