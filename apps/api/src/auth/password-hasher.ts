import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** Argon2id with the OWASP baseline (19 MiB, 2 passes). */
@Injectable()
export class PasswordHasher {
  private readonly options = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
  /** Verified against when the email is unknown, so both cases take the same time. */
  private dummyHash?: Promise<string>;

  hash(password: string): Promise<string> {
    return argon2.hash(password, this.options);
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    if (hash === null) {
      this.dummyHash ??= this.hash('maillage-timing-equaliser');
      await argon2.verify(await this.dummyHash, password).catch(() => false);
      return false;
    }
    return argon2.verify(hash, password).catch(() => false);
  }
}
