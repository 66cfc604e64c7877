import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  HttpStatus,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { lastValueFrom, Observable } from 'rxjs';

import type { AuthenticatedRequest } from '../../auth/current-user.decorator';
import { type IdempotencyContext, idempotencyStorage } from './idempotency-context';
import { IdempotencyStore, type StoredKey } from './idempotency.store';

const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;
/** How long a retry waits for the first attempt, still running, before answering 409. */
const WAIT_FOR_FIRST_MS = 3_000;
const POLL_MS = 200;

/**
 * `Idempotency-Key` on creates (POST): the first attempt runs; a retry with the same key (same
 * user, same request) gets the first answer again instead of creating a duplicate. The key is
 * marked committed inside the create's own transaction (`IdempotencySubscriber`).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private claims = 0;

  constructor(private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = req.headers['idempotency-key'];
    if (req.method !== 'POST' || header === undefined || !req.user) return next.handle();
    if (typeof header !== 'string' || !KEY_FORMAT.test(header)) {
      throw new HttpException(
        'Idempotency-Key : 1 à 255 caractères visibles (ASCII), par exemple un uuid.',
        HttpStatus.BAD_REQUEST,
      );
    }
    const res = context.switchToHttp().getResponse<Response>();
    const status = (Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined) ?? 201;
    return new Observable((subscriber) => {
      this.run(req, res, header, status, next).then(
        (value) => {
          subscriber.next(value);
          subscriber.complete();
        },
        (error: unknown) => subscriber.error(error),
      );
    });
  }

  private async run(
    req: AuthenticatedRequest,
    res: Response,
    key: string,
    status: number,
    next: CallHandler,
  ): Promise<unknown> {
    const userId = (req.user as { id: string }).id;
    const path = req.originalUrl.split('?')[0];
    const hash = createHash('sha256')
      .update(JSON.stringify([req.method, path, req.body ?? null]))
      .digest('hex');
    if (++this.claims % 100 === 0) await this.store.purgeExpired();

    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      if (await this.store.claim(userId, key, req.method, path, hash)) break;
      const stored = await this.store.find(userId, key);
      if (!stored) continue;
      if (stored.state !== 'pending' || !stored.locked || Date.now() > deadline) {
        return this.answerRetry(stored, hash, res);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }

    const context: IdempotencyContext = { userId, key, created: null, committed: false };
    try {
      const value = await idempotencyStorage.run(context, () => lastValueFrom(next.handle(), { defaultValue: null }));
      await this.store.complete(userId, key, status, value);
      return value;
    } catch (error) {
      if (!context.committed) await this.store.release(userId, key).catch(() => undefined);
      throw error;
    }
  }

  /** The answer to a retry: the first answer, or why it cannot be given. */
  private answerRetry(stored: StoredKey, hash: string, res: Response): unknown {
    if (stored.request_hash !== hash) {
      throw new HttpException(
        'Idempotency-Key : cette clé a déjà servi pour une autre requête ; utilisez une nouvelle clé.',
        HttpStatus.UNPROCESSABLE_ENTITY,
      );
    }
    if (stored.state === 'done') {
      res.status(stored.status_code ?? 201);
      res.setHeader('Idempotent-Replayed', 'true');
      return stored.response;
    }
    if (stored.state === 'committed') {
      if (stored.created_id) res.setHeader('Location', `${stored.path}/${stored.created_id}`);
      throw new HttpException(
        'Cette création a déjà été enregistrée (voir l’en-tête Location) ; elle n’a pas été refaite.',
        HttpStatus.CONFLICT,
      );
    }
    throw new HttpException(
      'Une requête avec cette Idempotency-Key est en cours de traitement : réessayez dans quelques secondes.',
      HttpStatus.CONFLICT,
    );
  }
}
