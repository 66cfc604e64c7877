import { hasPermission, isPermission, type Permission, type Role, ROLES } from '@maillage/shared/domain';
import { Controller, Get, type INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';

import { AppModule } from '../src/app.module';
import { PERMISSION_KEY, PUBLIC_KEY } from '../src/common/auth/allow.decorator';
import { RuntimeInfo } from '../src/config/runtime-info';
import { type Method, startTestApp, type TestApp } from './test-app';

interface RouteInfo {
  /** `GET SitesController.list` */
  name: string;
  method: Method;
  /** `/api/sites/:id` */
  path: string;
  permission: string | undefined;
  isPublic: boolean;
}

const METHODS: Partial<Record<RequestMethod, Method>> = {
  [RequestMethod.GET]: 'get',
  [RequestMethod.POST]: 'post',
  [RequestMethod.PATCH]: 'patch',
  [RequestMethod.PUT]: 'put',
  [RequestMethod.DELETE]: 'delete',
};

const join = (...parts: (string | string[] | undefined)[]) =>
  `/${parts
    .flatMap((p) => (Array.isArray(p) ? p[0] : p) ?? '')
    .join('/')
    .split('/')
    .filter(Boolean)
    .join('/')}`;

/** Every route the app serves, with what it declares (inherited handlers included). */
function routesOf(app: INestApplication): RouteInfo[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = app.get(Reflector);
  return discovery.getControllers().flatMap((wrapper) => {
    const instance = wrapper.instance as object | undefined;
    if (!instance) return [];
    const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
    const base = Reflect.getMetadata(PATH_METADATA, wrapper.metatype as object) as string | string[] | undefined;
    return scanner.getAllMethodNames(prototype).flatMap((name) => {
      const handler = prototype[name] as object;
      const own = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (own === undefined) return [];
      const verb = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod;
      const targets = [handler as () => void, wrapper.metatype as () => void];
      return [
        {
          name: `${RequestMethod[verb]} ${wrapper.name}.${name}`,
          method: METHODS[verb] as Method,
          path: join('api', base, own),
          permission: reflector.getAllAndOverride<string | undefined>(PERMISSION_KEY, targets),
          isPublic: reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets) === true,
        },
      ];
    });
  });
}

/** Path parameters: a real commune and semester, a random uuid for records (404 or 400, never 401/403). */
function concrete(path: string): string {
  return path
    .replace(':code', '77288')
    .replace(':semester', '2026-W')
    .replace(/:[A-Za-z]+/g, () => randomUUID());
}

describe('every route declares who may call it', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('finds the routes of the app', () => {
    expect(routesOf(t.app).length).toBeGreaterThan(100);
    expect(routesOf(t.app).every((r) => r.method !== undefined)).toBe(true);
  });

  it('has @Allow with a permission of the map, or @Public, on every route', () => {
    const undeclared = routesOf(t.app).filter((r) => !r.isPublic && !isPermission(r.permission));
    expect(undeclared.map((r) => r.name)).toEqual([]);
  });

  it('keeps @Public to the routes that must be public', () => {
    const publicRoutes = routesOf(t.app)
      .filter((r) => r.isPublic)
      .map((r) => r.name)
      .sort();
    expect(publicRoutes).toEqual(['GET HealthController.check', 'POST AuthController.login']);
  });

  it('answers every route × every role and anonymous as the permission map says', async () => {
    const tokens = new Map<Role, string>();
    for (const role of ROLES) tokens.set(role, await t.tokenFor(role));
    // Logging out ends the session the other checks use: it goes last.
    const routes = routesOf(t.app).sort(
      (a, b) => Number(a.path.endsWith('/logout')) - Number(b.path.endsWith('/logout')),
    );
    const mismatches: string[] = [];
    let checks = 0;
    for (const route of routes) {
      for (const role of [null, ...ROLES]) {
        let call = t.http()[route.method](concrete(route.path));
        if (role) call = call.set('Authorization', `Bearer ${tokens.get(role)}`);
        const { status } = await call.send({});
        checks += 1;
        const allowed = route.isPublic || hasPermission(role, route.permission as Permission);
        const fits = allowed ? status !== 401 && status !== 403 : status === (role ? 403 : 401);
        if (!fits)
          mismatches.push(`${route.name} (${route.permission ?? 'public'}) as ${role ?? 'anonymous'}: ${status}`);
      }
    }
    process.stdout.write(`route × role checks: ${checks}, mismatches: ${mismatches.length}\n`);
    expect(checks).toBe(routes.length * (ROLES.length + 1));
    expect(mismatches).toEqual([]);
    // Some 1200 requests: more than the default 30 s on a loaded machine.
  }, 300_000);
});

@Controller('undeclared')
class UndeclaredController {
  @Get()
  open(): string {
    return 'should never be served';
  }
}

describe('a route that declares nothing', () => {
  let t: TestApp;
  let app: INestApplication;

  beforeAll(async () => {
    t = await startTestApp();
    // The same guard and pipes, with one controller that forgot its decorator.
    const moduleRef = await Test.createTestingModule({
      imports: [
        AppModule.forRoot({
          config: t.config,
          databaseUrl: t.databaseUrl,
          runtime: new RuntimeInfo(false, 'test', false),
        }),
      ],
      controllers: [UndeclaredController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    await t.close();
  });

  it('is refused even to an administrator', async () => {
    const token = await t.tokenFor('admin');
    await request(app.getHttpServer()).get('/undeclared').set('Authorization', `Bearer ${token}`).expect(403);
    await request(app.getHttpServer()).get('/undeclared').expect(403);
  });
});
