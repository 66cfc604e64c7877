import { Controller, Get, type INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import request from 'supertest';

import { AppModule } from '../src/app.module';
import { PUBLIC_KEY, ROLES_KEY } from '../src/common/auth/roles.decorator';
import { RuntimeInfo } from '../src/runtime-info';
import { startTestApp, type TestApp } from './test-app';

interface RouteInfo {
  route: string;
  roles: string[] | undefined;
  isPublic: boolean;
}

function routesOf(app: INestApplication): RouteInfo[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = app.get(Reflector);
  return discovery.getControllers().flatMap((wrapper) => {
    const instance = wrapper.instance as object | undefined;
    if (!instance) return [];
    const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
    return scanner.getAllMethodNames(prototype).flatMap((name) => {
      const handler = prototype[name] as object;
      if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) return [];
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const targets = [handler as () => void, wrapper.metatype as () => void];
      return [
        {
          route: `${method} ${wrapper.name}.${name}`,
          roles: reflector.getAllAndOverride<string[] | undefined>(ROLES_KEY, targets),
          isPublic: reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets) === true,
        },
      ];
    });
  });
}

describe('every route declares who may call it', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('finds the routes of the app', () => {
    expect(routesOf(t.app).length).toBeGreaterThan(10);
  });

  it('has @Roles or @Public on every route', () => {
    const undeclared = routesOf(t.app).filter((r) => !r.isPublic && !r.roles?.length);
    expect(undeclared.map((r) => r.route)).toEqual([]);
  });

  it('keeps @Public to the routes that must be public', () => {
    const publicRoutes = routesOf(t.app)
      .filter((r) => r.isPublic)
      .map((r) => r.route)
      .sort();
    expect(publicRoutes).toEqual(['GET HealthController.check', 'POST AuthController.login']);
  });
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
