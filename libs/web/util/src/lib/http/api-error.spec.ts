import { HttpErrorResponse } from '@angular/common/http';
import { errorMessages } from './api-error';

const failure = (status: number, error: unknown) => new HttpErrorResponse({ status, error });

describe('errorMessages', () => {
  it('keeps the list of messages of a 400', () => {
    const error = failure(400, { statusCode: 400, message: ['e-mail invalide', 'rôle inconnu'] });
    expect(errorMessages(error)).toEqual(['e-mail invalide', 'rôle inconnu']);
  });

  it('keeps the single message of a 409', () => {
    expect(errorMessages(failure(409, { message: 'Cette adresse existe déjà.' }))).toEqual([
      'Cette adresse existe déjà.',
    ]);
  });

  it.each([
    [0, 'Le serveur ne répond pas'],
    [403, 'Votre rôle ne permet pas'],
    [429, 'Trop de tentatives'],
    [500, 'erreur inattendue'],
  ])('speaks French for status %s', (status, text) => {
    expect(errorMessages(failure(status, { message: 'internal detail' }))[0]).toContain(text);
  });

  it('falls back when a 400 has no usable message', () => {
    expect(errorMessages(failure(400, { message: ['', 3] }))).toEqual(['La demande n’a pas pu être traitée.']);
  });
});
