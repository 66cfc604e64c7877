import { inject, signal } from '@angular/core';
import type { AbstractControl } from '@angular/forms';
import { MatSnackBar } from '@angular/material/snack-bar';
import { firstValueFrom, isObservable, type Observable } from 'rxjs';
import { errorMessages, httpStatus, isVersionConflict } from '../http/api-error';
import { controlLabel } from './control-labels';
import {
  configuredLabel,
  type FieldLabel,
  type FieldMessage,
  type ParsedMessage,
  parseServerMessage,
  placeMessage,
} from './server-messages';

/** A line of the form's error summary: `label` when the message concerns one field. */
export interface FormMessage {
  text: string;
  label?: string;
}

export const INVALID_FORM_MESSAGE = 'Le formulaire contient des erreurs : corrigez les champs signalés.';
export const CHANGED_MEANWHILE_MESSAGE =
  'Cet élément a été modifié entre-temps par quelqu’un d’autre : rechargez-le, vos modifications non enregistrées seront perdues.';

export interface FormSubmissionOptions {
  /** API property path → form control path where they differ (`*` stands for an item index). */
  fields?: Readonly<Record<string, string>>;
  /** Control path → label, when the field's own label is not enough (`{n}`: item number; or a function of the index). */
  labels?: Readonly<Record<string, FieldLabel>>;
  /** What a 409 « modifié entre-temps » says (the form offers to reload). */
  conflictMessage?: string;
  /** Said in the summary when the form is submitted with errors (`null`: nothing). */
  invalidMessage?: string | null;
  /**
   * The control where the API's messages that name no field go (a form whose refusals all concern
   * one field, like a file sent: « Ce fichier est une image PNG, pas un tableur. »).
   */
  unplaced?: string;
}

export interface SubmitOptions<T> {
  /** A snackbar once saved. */
  success?: string | ((saved: T) => string);
  /** A version conflict handled by the caller (a dialog closes with `'conflict'`) instead of the form. */
  onConflict?: () => void;
  /** Any 409 (stale version or a state that forbids it) handled by the caller, with the API's words. */
  onRefused?: (message: string) => void;
  /** What follows a success (navigate, close the dialog), run as part of the submission, right after the answer. */
  then?: (saved: T) => unknown;
}

export type SubmitResult<T> = { ok: true; value: T } | { ok: false };

const SNACKBAR_MS = 5000;

/**
 * Submitting a form, the same way everywhere: one submission at a time (`pending` disables the
 * button), client errors shown at the fields first, the API's 400 messages placed at the fields
 * they name (with the field's label) and the others in the summary, a 409 « modifié entre-temps »
 * with a reload action, a snackbar once saved. Create it with `formSubmission(form)`.
 */
export class FormSubmission {
  private readonly snackBar = inject(MatSnackBar);
  private placed: FieldMessage[] = [];

  readonly pending = signal(false);
  /** The summary: messages that concern no field first, then those placed at a field. */
  readonly messages = signal<readonly FormMessage[]>([]);
  /** The « modifié entre-temps » message after a 409, until the form is reloaded. */
  readonly conflict = signal<string | null>(null);

  constructor(
    /** `null` for actions without fields (archive, close…): their messages all go to the summary. */
    private readonly form: AbstractControl | null,
    private readonly options: FormSubmissionOptions = {},
  ) {}

  /**
   * Runs `save` when the form is valid and nothing is pending. Resolves `{ ok: true, value }`
   * once saved; `{ ok: false }` when the form is invalid, pending, or the API refused (the
   * messages are then on screen).
   */
  async submit<T>(save: () => Observable<T> | Promise<T>, options: SubmitOptions<T> = {}): Promise<SubmitResult<T>> {
    if (this.pending() || this.form?.disabled) return { ok: false };
    // The API's last word on a field is not a client rule: a new attempt asks the API again.
    this.clear();
    if (this.form?.invalid) {
      this.form.markAllAsTouched();
      const invalid = this.options.invalidMessage === undefined ? INVALID_FORM_MESSAGE : this.options.invalidMessage;
      this.messages.set(invalid ? [{ text: invalid }] : []);
      return { ok: false };
    }
    return this.run(save, options);
  }

  /** Like `submit`, for an action that has no form fields to check (a confirmation, a button). */
  async run<T>(save: () => Observable<T> | Promise<T>, options: SubmitOptions<T> = {}): Promise<SubmitResult<T>> {
    if (this.pending()) return { ok: false };
    this.clear();
    this.pending.set(true);
    try {
      const pending = save();
      const value = isObservable(pending) ? await firstValueFrom(pending) : await pending;
      const text = typeof options.success === 'function' ? options.success(value) : options.success;
      if (text) this.snackBar.open(text, 'Fermer', { duration: SNACKBAR_MS });
      await options.then?.(value);
      return { ok: true, value };
    } catch (error) {
      if (options.onRefused && httpStatus(error) === 409) options.onRefused(errorMessages(error).join(' '));
      else this.fail(error, options.onConflict);
      return { ok: false };
    } finally {
      this.pending.set(false);
    }
  }

  /** Shows a failed call: 409 stale version, 400 messages at their fields, anything else in the summary. */
  fail(error: unknown, onConflict?: () => void): void {
    if (isVersionConflict(error)) {
      if (onConflict) onConflict();
      else this.conflict.set(this.options.conflictMessage ?? CHANGED_MEANWHILE_MESSAGE);
      return;
    }
    const messages = errorMessages(error);
    const status = httpStatus(error);
    // 413: the body (a file) is too big, which concerns the field that holds it.
    if (status !== 400 && !(status === 413 && this.options.unplaced)) {
      this.messages.set(messages.map((text) => ({ text })));
      return;
    }
    const general: FormMessage[] = [];
    const atFields: FormMessage[] = [];
    for (const message of messages) {
      const parsed = parseServerMessage(message);
      const placed = this.form ? (placeMessage(this.form, parsed, this.options) ?? this.unplaced(parsed)) : null;
      if (!placed) {
        general.push({ text: message });
        continue;
      }
      for (const field of placed) {
        field.control.setErrors({ ...field.control.errors, server: `${field.label} : ${field.text}` });
        field.control.markAsTouched();
        this.placed.push(field);
        atFields.push({ label: field.label, text: field.text });
      }
    }
    this.messages.set([...general, ...atFields]);
  }

  /** A message that names no field, at the `unplaced` control when the form has one. */
  private unplaced(parsed: ParsedMessage): FieldMessage[] | null {
    const path = this.options.unplaced;
    const control = path && parsed.paths.length === 0 ? this.form?.get(path) : null;
    if (!path || !control) return null;
    const label = configuredLabel(path, this.options.labels ?? {}) ?? controlLabel(control);
    return label ? [{ control, label, text: parsed.text }] : null;
  }

  /** Forgets the messages (before a new attempt, or after a reload). */
  clear(): void {
    this.messages.set([]);
    this.conflict.set(null);
    for (const field of this.placed) {
      if (field.control.hasError('server')) field.control.updateValueAndValidity();
    }
    this.placed = [];
  }
}

/** The submission helper of a form (call it in a field initialiser: it injects the snackbar). */
export function formSubmission(form: AbstractControl, options: FormSubmissionOptions = {}): FormSubmission {
  return new FormSubmission(form, options);
}

/** The same helper for actions that have no form (archive, restore, close…): pending, 409, messages, snackbar. */
export function actionSubmission(options: FormSubmissionOptions = {}): FormSubmission {
  return new FormSubmission(null, options);
}
