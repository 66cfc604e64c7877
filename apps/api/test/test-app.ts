import type { Role } from '@maillage/shared/domain';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';

import { createApp } from '../src/bootstrap';
import { SYSTEM_ACTOR } from '../src/common/scope/territory-scope';
import { type AppConfig, loadConfig } from '../src/config/app-config';
import { UsersService } from '../src/users/users.service';
import { createTestDatabase, dropTestDatabase } from './test-database';

export const TEST_PASSWORD = 'correct-horse-battery-77';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  databaseUrl: string;
  db: DataSource;
  http: () => TestAgent;
  /** Creates (once) a user with this role in département 77 and returns its bearer token. */
  tokenFor(role: Role, options?: { departementCode?: string | null; email?: string }): Promise<string>;
  /** A request builder that carries the bearer token of a role. */
  as(role: Role): Promise<AuthedAgent>;
  createUser(
    role: Role,
    options?: { departementCode?: string | null; email?: string },
  ): Promise<{ id: string; email: string }>;
  login(email: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
export type AuthedAgent = (method: Method, path: string) => request.Test;

/** The real app (same pipes, filters and guards as production) on a fresh database. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config: AppConfig = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    TERRITORY_DEPARTEMENTS: '77',
    LOGIN_RATE_LIMIT: '1000',
    LOGIN_ADDRESS_LIMIT: '1000',
    LOGIN_ACCOUNT_LIMIT: '1000',
    // A busy shared test machine must not turn a slow request into a 503: the timeouts are
    // proved by database-faults.int.spec.ts, with the production defaults.
    REQUEST_TIMEOUT_MS: '60000',
    DB_STATEMENT_TIMEOUT_MS: '30000',
    ...env,
  });
  const app = await createApp(config, database.url, { quiet: true });
  await app.init();
  const db = app.get(DataSource);
  const http = () => request(app.getHttpServer());
  const tokens = new Map<string, string>();

  const createUser: TestApp['createUser'] = async (role, options = {}) => {
    const departementCode =
      options.departementCode === undefined ? (role === 'admin' ? null : '77') : options.departementCode;
    const email = options.email ?? `${role}.${departementCode ?? 'fr'}@test.maillage.fr`;
    const user = await app.get(UsersService).create(SYSTEM_ACTOR, {
      email,
      displayName: `Test ${role}`,
      role,
      departementCode,
      password: TEST_PASSWORD,
    });
    return { id: user.id, email };
  };

  const login: TestApp['login'] = async (email, password = TEST_PASSWORD) => {
    const res = await http().post('/api/auth/login').send({ email, password });
    if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return (res.body as { accessToken: string }).accessToken;
  };

  const tokenFor: TestApp['tokenFor'] = async (role, options = {}) => {
    const key = `${role}:${String(options.departementCode)}:${options.email ?? ''}`;
    const cached = tokens.get(key);
    if (cached) return cached;
    const { email } = await createUser(role, options);
    const token = await login(email);
    tokens.set(key, token);
    return token;
  };

  return {
    app,
    config,
    databaseUrl: database.url,
    db,
    http,
    tokenFor,
    createUser,
    login,
    async as(role) {
      const token = await tokenFor(role);
      return (method, path) => http()[method](path).set('Authorization', `Bearer ${token}`);
    },
    async close() {
      await app.close();
      await dropTestDatabase(database.name);
    },
  };
}
