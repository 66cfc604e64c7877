import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { MatSnackBar } from '@angular/material/snack-bar';
import { of, Subject, throwError } from 'rxjs';
import { setControlLabel } from './control-labels';
import { CHANGED_MEANWHILE_MESSAGE, formSubmission, INVALID_FORM_MESSAGE } from './form-submission';

const failure = (status: number, body: unknown) => new HttpErrorResponse({ status, error: body });

describe('FormSubmission', () => {
  let open: jest.Mock;

  beforeEach(() => {
    open = jest.fn();
    TestBed.configureTestingModule({ providers: [{ provide: MatSnackBar, useValue: { open } }] });
  });

  function build() {
    const form = new FormGroup({
      name: new FormControl('MSP', { nonNullable: true, validators: Validators.required }),
      note: new FormControl('', { nonNullable: true }),
    });
    setControlLabel(form.controls.name, 'Nom du terrain');
    const submission = TestBed.runInInjectionContext(() => formSubmission(form, { conflictMessage: 'Modifié.' }));
    return { form, submission };
  }

  it('saves once, says so, and refuses a second submission while the first is pending', async () => {
    const { submission } = build();
    const answer = new Subject<string>();
    const save = jest.fn(() => answer);
    const first = submission.submit(save, { success: 'Terrain créé.' });
    const second = await submission.submit(save);
    expect(second).toEqual({ ok: false });
    expect(submission.pending()).toBe(true);
    answer.next('saved');
    answer.complete();
    expect(await first).toEqual({ ok: true, value: 'saved' });
    expect(save).toHaveBeenCalledTimes(1);
    expect(submission.pending()).toBe(false);
    expect(open).toHaveBeenCalledWith('Terrain créé.', 'Fermer', expect.anything());
  });

  it('sends nothing while the form is invalid, and says why', async () => {
    const { form, submission } = build();
    form.controls.name.setValue('');
    const save = jest.fn(() => of('x'));
    expect(await submission.submit(save)).toEqual({ ok: false });
    expect(save).not.toHaveBeenCalled();
    expect(form.controls.name.touched).toBe(true);
    expect(submission.messages()).toEqual([{ text: INVALID_FORM_MESSAGE }]);
  });

  it('puts the API’s 400 messages at their fields, with the label, never the property path', async () => {
    const { form, submission } = build();
    const error = failure(400, {
      message: ['name : 2 caractères au moins.', 'Le champ « admin » n’est pas autorisé.'],
    });
    await submission.submit(() => throwError(() => error));
    expect(form.controls.name.errors).toEqual({ server: 'Nom du terrain : 2 caractères au moins.' });
    expect(submission.messages()).toEqual([
      { text: 'Le champ « admin » n’est pas autorisé.' },
      { label: 'Nom du terrain', text: '2 caractères au moins.' },
    ]);
  });

  it('puts the messages that name no field at the `unplaced` field, a too big file (413) too', async () => {
    const form = new FormGroup({ kind: new FormControl('sites'), file: new FormControl<string | null>('a.png') });
    const submission = TestBed.runInInjectionContext(() =>
      formSubmission(form, { unplaced: 'file', labels: { file: 'Fichier' } }),
    );
    await submission.submit(() =>
      throwError(() => failure(400, { message: 'Ce fichier est une image PNG, pas un tableur.' })),
    );
    expect(form.controls.file.errors).toEqual({ server: 'Fichier : Ce fichier est une image PNG, pas un tableur.' });
    expect(submission.messages()).toEqual([
      { label: 'Fichier', text: 'Ce fichier est une image PNG, pas un tableur.' },
    ]);
    await submission.submit(() => throwError(() => failure(413, { message: 'Le fichier dépasse 20 Mo.' })));
    expect(form.controls.file.errors).toEqual({ server: 'Fichier : Le fichier dépasse 20 Mo.' });
    expect(form.controls.kind.errors).toBeNull();
  });

  it('leaves a 413 in the summary without an `unplaced` field', async () => {
    const { form, submission } = build();
    await submission.submit(() => throwError(() => failure(413, { message: 'Trop gros.' })));
    expect(submission.messages()).toEqual([{ text: 'Trop gros.' }]);
    expect(form.valid).toBe(true);
  });

  it('asks the API again on the next attempt (its word on a field is not a client rule)', async () => {
    const { form, submission } = build();
    await submission.submit(() => throwError(() => failure(400, { message: 'name : déjà pris.' })));
    expect(form.invalid).toBe(true);
    const save = jest.fn(() => of('ok'));
    expect(await submission.submit(save)).toEqual({ ok: true, value: 'ok' });
    expect(form.controls.name.errors).toBeNull();
  });

  it('says « modifié entre-temps » on a stale version, or lets the caller handle it', async () => {
    const { submission } = build();
    await submission.submit(() => throwError(() => failure(409, { code: 'VERSION_CONFLICT', message: 'x' })));
    expect(submission.conflict()).toBe('Modifié.');
    const onConflict = jest.fn();
    await submission.submit(() => throwError(() => failure(409, { code: 'VERSION_CONFLICT' })), { onConflict });
    expect(onConflict).toHaveBeenCalled();
  });

  it('keeps another 409 (a state that forbids it) in the summary, in the API’s words', async () => {
    const { submission } = build();
    await submission.submit(() => throwError(() => failure(409, { code: 'INVALID_STATE', message: 'Déjà clos.' })));
    expect(submission.conflict()).toBeNull();
    expect(submission.messages()).toEqual([{ text: 'Déjà clos.' }]);
    const onRefused = jest.fn();
    await submission.run(() => throwError(() => failure(409, { code: 'INVALID_STATE', message: 'Déjà clos.' })), {
      onRefused,
    });
    expect(onRefused).toHaveBeenCalledWith('Déjà clos.');
  });

  it('speaks French for a refused role or a server failure', async () => {
    const { submission } = build();
    await submission.run(() => throwError(() => failure(403, {})));
    expect(submission.messages()[0].text).toContain('Votre rôle ne permet pas');
    expect(CHANGED_MEANWHILE_MESSAGE).toContain('modifié entre-temps');
  });
});
