import {
  type ArgumentsHost,
  BadRequestException,
  ConflictException,
  ForbiddenException,
  HttpException,
  HttpStatus,
  Logger,
  NotFoundException,
  PayloadTooLargeException,
  UnauthorizedException,
} from '@nestjs/common';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

import { type DomainErrorCode, DomainException } from './domain-exception';
import { HttpErrorFilter } from './http-error.filter';

const pgError = (code: string, detail = 'Key (email)=(a@b.fr) already exists.') =>
  new QueryFailedError(
    'INSERT INTO "users"("email") VALUES ($1)',
    ['a@b.fr'],
    Object.assign(new Error('violates constraint "uq_users_email"'), { code, detail }),
  );

describe('HttpErrorFilter', () => {
  const filter = new HttpErrorFilter();

  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  describe('domain errors', () => {
    it.each<[DomainErrorCode, number, string]>([
      ['BAD_INPUT', 400, 'Bad Request'],
      ['NOT_FOUND', 404, 'Not Found'],
      ['VERSION_CONFLICT', 409, 'Conflict'],
      ['DUPLICATE', 409, 'Conflict'],
      ['FORBIDDEN', 403, 'Forbidden'],
      ['UNAUTHENTICATED', 401, 'Unauthorized'],
      ['INVALID_STATE', 409, 'Conflict'],
    ])('%s → %d', (code, statusCode, error) => {
      expect(filter.toBody(new DomainException(code, 'Un message pour la personne.'))).toEqual({
        statusCode,
        error,
        message: 'Un message pour la personne.',
        code,
      });
    });

    it('has readable helpers for 404 and 409', () => {
      expect(filter.toBody(DomainException.notFound('Compte'))).toMatchObject({
        statusCode: 404,
        message: 'Compte introuvable.',
        code: 'NOT_FOUND',
      });
      expect(filter.toBody(DomainException.versionConflict())).toMatchObject({
        statusCode: 409,
        code: 'VERSION_CONFLICT',
        message: expect.stringMatching(/modifié entre-temps/),
      });
    });
  });

  describe('framework errors', () => {
    it.each([
      [
        'validation messages',
        new BadRequestException({
          message: ['email : adresse e-mail invalide.', 'Le champ « x » n’est pas autorisé.'],
        }),
        400,
        ['email : adresse e-mail invalide.', 'Le champ « x » n’est pas autorisé.'],
      ],
      [
        'a custom 400',
        new BadRequestException('id : identifiant invalide (uuid attendu).'),
        400,
        'id : identifiant invalide (uuid attendu).',
      ],
      ['a default 401', new UnauthorizedException(), 401, 'Authentification requise.'],
      ['a custom 401', new UnauthorizedException('Session expirée.'), 401, 'Session expirée.'],
      ['a default 403', new ForbiddenException(), 403, 'Vous n’avez pas le droit de faire cette action.'],
      [
        'Nest’s 403 text',
        new ForbiddenException('Forbidden resource'),
        403,
        'Vous n’avez pas le droit de faire cette action.',
      ],
      ['an unknown route', new NotFoundException('Cannot GET /api/nowhere'), 404, 'Ressource introuvable.'],
      ['a custom 409', new ConflictException('Déjà fait.'), 409, 'Déjà fait.'],
      ['a default 413', new PayloadTooLargeException(), 413, 'Le contenu envoyé est trop volumineux.'],
      [
        'the throttler',
        new HttpException('ThrottlerException: Too Many Requests', HttpStatus.TOO_MANY_REQUESTS),
        429,
        'Trop de tentatives : réessayez dans une minute.',
      ],
    ])('keeps the status of %s, in French', (_, exception, statusCode, message) => {
      const body = filter.toBody(exception);
      expect(body).toEqual({ statusCode, error: expect.any(String), message });
      expect(body.error).not.toBe('Error');
    });
  });

  describe('database errors', () => {
    it('answers a unique violation (23505) with 409 and no SQL', () => {
      const body = filter.toBody(pgError('23505'));
      expect(body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: 'Un enregistrement identique existe déjà.',
        code: 'DUPLICATE',
      });
    });

    it.each([
      ['23503', 'Une référence vers un autre enregistrement est invalide.'],
      ['22P02', 'Une valeur n’a pas le format attendu.'],
      ['22001', 'Une valeur est trop longue.'],
    ])('answers %s with 400', (code, message) => {
      expect(filter.toBody(pgError(code))).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message,
        code: 'BAD_INPUT',
      });
    });

    it.each(['40001', '57014', '55P03', '57P01', '08006', '53300'])(
      'answers an unavailable, overloaded or too slow database (%j) with 503',
      (code) => {
        const body = filter.toBody(pgError(code));
        expect(body).toEqual({
          statusCode: 503,
          error: 'Service Unavailable',
          message: expect.stringMatching(/réessayez/),
          code: 'UNAVAILABLE',
        });
      },
    );

    it.each([
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Query read timeout'),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      new QueryRunnerAlreadyReleasedError(),
      new QueryRunnerProviderAlreadyReleasedError(),
    ])('answers a connection failure (%s) with 503', (error) => {
      expect(filter.toBody(error).statusCode).toBe(503);
    });

    it.each(['42P01', '42703', ''])('answers any other database error (%j) with a bare 500', (code) => {
      const body = filter.toBody(pgError(code));
      expect(body.statusCode).toBe(500);
      expect(JSON.stringify(body)).not.toMatch(/INSERT|users|uq_users_email|a@b\.fr/);
    });
  });

  describe('body parser errors', () => {
    it.each([
      [
        { type: 'entity.parse.failed', status: 400, message: 'Unexpected end of JSON input' },
        400,
        'Le corps de la requête n’est pas un JSON valide.',
      ],
      [
        { type: 'entity.too.large', status: 413, message: 'request entity too large' },
        413,
        'Le contenu envoyé est trop volumineux (1 Mo au plus).',
      ],
      [
        { type: 'charset.unsupported', status: 415, message: 'unsupported charset "LATIN1"' },
        415,
        'Jeu de caractères non pris en charge : envoyez de l’UTF-8.',
      ],
      [
        { type: 'encoding.unsupported', status: 415, message: 'unsupported content encoding "x"' },
        415,
        'Encodage du contenu non pris en charge (Content-Encoding : gzip, deflate ou br).',
      ],
    ])('%j → %d', (error, statusCode, message) => {
      expect(filter.toBody(Object.assign(new Error(error.message), error))).toEqual({
        statusCode,
        error: expect.any(String),
        message,
      });
    });
  });

  describe('anything else', () => {
    it.each([
      ['an Error', new Error('relation "users" does not exist at /app/src/users.ts:42')],
      ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'departementCode')")],
      ['a string', 'boom: password=hunter2'],
      ['null', null],
      ['undefined', undefined],
      ['a plain object', { secret: 'internal' }],
    ])('answers %s with 500 and none of its text', (_, exception) => {
      const body = filter.toBody(exception);
      expect(body).toEqual({
        statusCode: 500,
        error: 'Internal Server Error',
        message: 'Erreur interne : l’équipe technique a été prévenue.',
      });
    });
  });

  describe('catch()', () => {
    function fakeHost(headersSent = false) {
      const response = { headersSent, status: jest.fn(), json: jest.fn() };
      response.status.mockReturnValue(response);
      const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
      return { host, response };
    }

    it('sends the status and the body', () => {
      const { host, response } = fakeHost();
      filter.catch(DomainException.notFound('Commune'), host);
      expect(response.status).toHaveBeenCalledWith(404);
      expect(response.json).toHaveBeenCalledWith({
        statusCode: 404,
        error: 'Not Found',
        message: 'Commune introuvable.',
        code: 'NOT_FOUND',
      });
    });

    it('logs a 500 with its stack, but not a 4xx', () => {
      const log = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      filter.catch(new BadRequestException('x'), fakeHost().host);
      expect(log).not.toHaveBeenCalled();
      filter.catch(new Error('the real cause'), fakeHost().host);
      expect(log).toHaveBeenCalledWith(expect.stringContaining('the real cause'));
    });

    it('does not write twice when the answer has already started', () => {
      const { host, response } = fakeHost(true);
      filter.catch(new Error('late'), host);
      expect(response.status).not.toHaveBeenCalled();
      expect(response.json).not.toHaveBeenCalled();
    });
  });
});
