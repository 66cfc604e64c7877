import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';

import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from './database-errors';
import { DomainErrorCode, DomainException } from './domain-exception';

const STATUS_BY_CODE: Record<DomainErrorCode, HttpStatus> = {
  BAD_INPUT: HttpStatus.BAD_REQUEST,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  VERSION_CONFLICT: HttpStatus.CONFLICT,
  DUPLICATE: HttpStatus.CONFLICT,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  INVALID_STATE: HttpStatus.CONFLICT,
};

const REASONS: Partial<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const DEFAULT_MESSAGES: Partial<Record<number, string>> = {
  401: 'Authentification requise.',
  403: 'Vous n’avez pas le droit de faire cette action.',
  404: 'Ressource introuvable.',
  413: 'Le contenu envoyé est trop volumineux.',
  415: 'Type de contenu non pris en charge : envoyez du JSON (application/json) en UTF-8.',
  429: 'Trop de tentatives : réessayez dans une minute.',
  503: 'La base de données ne répond pas : réessayez dans quelques instants.',
};

/** Errors of the body parser (`http-errors` with a `type`) and the French answer to each. */
const BODY_PARSER_ERRORS: Record<string, { status: number; message: string }> = {
  'entity.parse.failed': { status: 400, message: 'Le corps de la requête n’est pas un JSON valide.' },
  'entity.too.large': { status: 413, message: 'Le contenu envoyé est trop volumineux (1 Mo au plus).' },
  'charset.unsupported': { status: 415, message: 'Jeu de caractères non pris en charge : envoyez de l’UTF-8.' },
  'encoding.unsupported': {
    status: 415,
    message: 'Encodage du contenu non pris en charge (Content-Encoding : gzip, deflate ou br).',
  },
  'request.aborted': { status: 400, message: 'La requête a été interrompue avant la fin de son envoi.' },
  'request.size.invalid': { status: 400, message: 'La taille annoncée du contenu ne correspond pas à son envoi.' },
  'parameters.too.many': { status: 413, message: 'Le contenu envoyé compte trop de champs.' },
};

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  code?: string;
}

/** PostgreSQL error codes that are the client's fault, not ours. */
const PG_CLIENT_ERRORS: Record<string, { status: HttpStatus; code: DomainErrorCode; message: string }> = {
  '23505': { status: HttpStatus.CONFLICT, code: 'DUPLICATE', message: 'Un enregistrement identique existe déjà.' },
  '23503': {
    status: HttpStatus.BAD_REQUEST,
    code: 'BAD_INPUT',
    message: 'Une référence vers un autre enregistrement est invalide.',
  },
  '22P02': { status: HttpStatus.BAD_REQUEST, code: 'BAD_INPUT', message: 'Une valeur n’a pas le format attendu.' },
  '22001': { status: HttpStatus.BAD_REQUEST, code: 'BAD_INPUT', message: 'Une valeur est trop longue.' },
};

/**
 * The one place where errors become HTTP answers: domain codes map exhaustively to statuses,
 * framework errors keep theirs, anything else is a logged 500 without internals.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    // Answered already (the request deadline sent its 503): nothing more to say to the client.
    if (response.headersSent) {
      this.logger.warn(
        `Erreur après la réponse : ${exception instanceof Error ? exception.message : String(exception)}`,
      );
      return;
    }
    const body = this.toBody(exception);
    if (body.statusCode === 503) {
      this.logger.warn(
        `Base de données indisponible : ${exception instanceof Error ? exception.message : String(exception)}`,
      );
    } else if (body.statusCode >= 500) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    const retryAfter = (exception as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
    if (typeof retryAfter === 'number') response.setHeader('Retry-After', String(retryAfter));
    else if (body.statusCode === 503) response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    response.status(body.statusCode).json(body);
  }

  toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainException) {
      const statusCode = STATUS_BY_CODE[exception.code];
      return { statusCode, error: reason(statusCode), message: exception.message, code: exception.code };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const res = exception.getResponse();
      const message =
        typeof res === 'object' && res !== null && 'message' in res
          ? (res as { message: string | string[] }).message
          : exception.message;
      return { statusCode, error: reason(statusCode), message: frenchDefault(statusCode, message) };
    }
    if (isDatabaseUnavailable(exception)) {
      return { statusCode: 503, error: reason(503), message: DEFAULT_MESSAGES[503] as string, code: 'UNAVAILABLE' };
    }
    if (exception instanceof QueryFailedError) {
      const pgCode = (exception.driverError as { code?: string } | undefined)?.code ?? '';
      const known = PG_CLIENT_ERRORS[pgCode];
      if (known) {
        return { statusCode: known.status, error: reason(known.status), message: known.message, code: known.code };
      }
    }
    const httpError = exception as { type?: string; status?: number; expose?: boolean } | null;
    const known = typeof httpError?.type === 'string' ? BODY_PARSER_ERRORS[httpError.type] : undefined;
    if (known) return { statusCode: known.status, error: reason(known.status), message: known.message };
    // Other client errors of Express and its parsers (`http-errors`, e.g. a path that cannot be decoded).
    if (
      httpError?.expose === true &&
      typeof httpError.status === 'number' &&
      httpError.status >= 400 &&
      httpError.status < 500
    ) {
      const statusCode = httpError.status;
      return { statusCode, error: reason(statusCode), message: DEFAULT_MESSAGES[statusCode] ?? 'Requête invalide.' };
    }
    return { statusCode: 500, error: reason(500), message: 'Erreur interne : l’équipe technique a été prévenue.' };
  }
}

function reason(status: number): string {
  return REASONS[status] ?? 'Error';
}

/** Replaces Nest's English default texts ("Forbidden resource", …) by French ones. */
function frenchDefault(status: number, message: string | string[]): string | string[] {
  const fallback = DEFAULT_MESSAGES[status];
  if (!fallback || Array.isArray(message)) return message;
  const englishDefaults = [
    'Forbidden resource',
    'Forbidden',
    'Unauthorized',
    'Not Found',
    'Too Many Requests',
    'ThrottlerException: Too Many Requests',
    'Payload Too Large',
    'Unsupported Media Type',
    'Service Unavailable',
  ];
  return englishDefaults.includes(message) || message === reason(status) || message.startsWith('Cannot ')
    ? fallback
    : message;
}
