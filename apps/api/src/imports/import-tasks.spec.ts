import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

import { DomainException } from '../common/errors/domain-exception';
import { ImportTasks } from './import-tasks';

const outage = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

function tasks(): ImportTasks {
  const t = new ImportTasks({} as DataSource);
  t.retryDelayMs = 1;
  return t;
}

describe('ImportTasks', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('records the failure of a job stopped by an outage once the database answers again', async () => {
    const t = tasks();
    const recorded: string[] = [];
    let attempts = 0;
    t.start(
      'job',
      () => Promise.reject(outage()),
      async (message) => {
        attempts += 1;
        if (attempts < 4) throw outage();
        recorded.push(message);
      },
    );
    await t.idle();
    expect(attempts).toBe(4);
    expect(recorded).toEqual([expect.stringContaining('La base de données ne répondait pas')]);
  });

  it('keeps the message of a refused file and gives up at once on an error that is not an outage', async () => {
    const t = tasks();
    const recorded: string[] = [];
    t.start(
      'job',
      () => Promise.reject(new DomainException('BAD_INPUT', 'Le fichier est vide.')),
      async (message) => {
        recorded.push(message);
      },
    );
    let attempts = 0;
    t.start(
      'other',
      () => Promise.reject(new Error('bug')),
      async () => {
        attempts += 1;
        throw new Error('constraint');
      },
    );
    await t.idle();
    expect(recorded).toEqual(['Le fichier est vide.']);
    expect(attempts).toBe(1);
  });

  it('stops trying to record after a bounded number of attempts during a long outage', async () => {
    const t = tasks();
    let attempts = 0;
    t.start(
      'job',
      () => Promise.reject(outage()),
      async () => {
        attempts += 1;
        throw outage();
      },
    );
    await t.idle();
    expect(attempts).toBe(15);
  });
});
