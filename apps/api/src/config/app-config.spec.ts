import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { AppConfig, ConfigValidationError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('uses the documented defaults for an empty environment', () => {
    expect(loadConfig({})).toMatchObject({
      NODE_ENV: 'production',
      PORT: 3000,
      HOST: '0.0.0.0',
      DATA_DIR: '.maillage-data',
      EMBEDDED_POSTGRES_PORT: 0,
      DEMO_DATA: 'auto',
      TERRITORY_DEPARTEMENTS: ['77'],
      SESSION_TTL_HOURS: 12,
      COOKIE_SECURE: 'auto',
      LOGIN_RATE_LIMIT: 5,
      LOGIN_ADDRESS_LIMIT: 100,
      LOGIN_ACCOUNT_LIMIT: 20,
      SESSION_IDLE_MINUTES: 30,
      LOGIN_RATE_WINDOW_SECONDS: 900,
      API_DOCS_ENABLED: true,
      LOG_LEVEL: 'info',
    });
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.COMMUNE_CONTOURS_SOURCE).toBeUndefined();
  });

  it('treats empty variables as unset', () => {
    const config = loadConfig({ PORT: '', TERRITORY_DEPARTEMENTS: '', DATABASE_URL: '' });
    expect([config.PORT, config.TERRITORY_DEPARTEMENTS, config.DATABASE_URL]).toEqual([3000, ['77'], undefined]);
  });

  it.each([
    ['PORT', '8080', 8080],
    ['PORT', ' 0 ', 0],
    ['EMBEDDED_POSTGRES_PORT', '5433', 5433],
    ['SESSION_TTL_HOURS', '720', 720],
    ['LOGIN_RATE_LIMIT', '3', 3],
  ])('reads %s=%j as the number %d', (name, value, expected) => {
    expect(loadConfig({ [name]: value })[name as 'PORT']).toBe(expected);
  });

  it.each([
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['yes', true],
    [' on ', true],
    ['false', false],
    ['0', false],
    ['no', false],
    ['off', false],
  ])('reads API_DOCS_ENABLED=%j as %s', (value, expected) => {
    expect(loadConfig({ API_DOCS_ENABLED: value }).API_DOCS_ENABLED).toBe(expected);
  });

  it.each([
    ['77', ['77']],
    ['77,75', ['77', '75']],
    [' 77 , 2A ,, 974 ,', ['77', '2A', '974']],
  ])('reads TERRITORY_DEPARTEMENTS=%j as a list', (value, expected) => {
    expect(loadConfig({ TERRITORY_DEPARTEMENTS: value }).TERRITORY_DEPARTEMENTS).toEqual(expected);
  });

  it('keeps a valid DATABASE_URL as is', () => {
    const url = 'postgresql://maillage:secret@db.example:5432/maillage';
    expect(loadConfig({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/m' }).DATABASE_URL).toBe('postgres://localhost/m');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['PORT', '80.5'],
    ['EMBEDDED_POSTGRES_PORT', 'x'],
    ['SESSION_TTL_HOURS', '0'],
    ['SESSION_TTL_HOURS', '721'],
    ['LOGIN_RATE_LIMIT', '0'],
    ['DATABASE_URL', 'mysql://localhost/maillage'],
    ['DATABASE_URL', 'localhost:5432'],
    ['TERRITORY_DEPARTEMENTS', '999'],
    ['TERRITORY_DEPARTEMENTS', '77,seine-et-marne'],
    ['NODE_ENV', 'staging'],
    ['DEMO_DATA', 'maybe'],
    ['COOKIE_SECURE', 'always'],
    ['LOG_LEVEL', 'verbose'],
  ])('refuses %s=%j with an error that names the variable', (name, value) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    expect((error as Error).message).toMatch(/^Configuration invalide/);
    expect((error as Error).message).toContain(`- ${name} (`);
  });

  it('lists every invalid variable at once', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', TERRITORY_DEPARTEMENTS: '77,999' })).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(
          /PORT[\s\S]*DATABASE_URL doit commencer par postgres[\s\S]*TERRITORY_DEPARTEMENTS contient un code/,
        ),
      }),
    );
  });

  it('ignores variables it does not know (the environment holds many)', () => {
    expect(loadConfig({ PATH: '/usr/bin', HOME: '/root' }).PORT).toBe(3000);
  });

  it('says in French why a value is refused', () => {
    expect(() =>
      loadConfig({ PORT: '70000', LOGIN_RATE_LIMIT: '0', API_DOCS_ENABLED: 'peut-être', LOG_LEVEL: 'x' }),
    ).toThrow(
      [
        'Configuration invalide :',
        '  - PORT ("70000"): PORT doit être un nombre entier de 0 à 65535',
        '  - LOGIN_RATE_LIMIT ("0"): LOGIN_RATE_LIMIT doit être un nombre entier d’au moins 1',
        '  - API_DOCS_ENABLED ("peut-être"): API_DOCS_ENABLED vaut true ou false (1/0, yes/no, on/off)',
        '  - LOG_LEVEL ("x"): LOG_LEVEL doit valoir fatal, error, warn, info, debug, trace ou silent',
      ].join('\n'),
    );
  });

  it('requires MAIL_FROM with SMTP_URL, and checks it whenever it is set', () => {
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example:587' })).toThrow(
      /- MAIL_FROM \(undefined\): MAIL_FROM doit/,
    );
    expect(() => loadConfig({ MAIL_FROM: 'personne' })).toThrow(/- MAIL_FROM \("personne"\)/);
    const config = loadConfig({
      SMTP_URL: 'smtp://mail.example:587',
      MAIL_FROM: 'Maillage <ne-pas-repondre@example.fr>',
    });
    expect(config.MAIL_FROM).toBe('Maillage <ne-pas-repondre@example.fr>');
  });

  it('gives each configuration its own default list', () => {
    const first = new AppConfig();
    first.TERRITORY_DEPARTEMENTS.push('75');
    expect(new AppConfig().TERRITORY_DEPARTEMENTS).toEqual(['77']);
    expect(loadConfig({})).toBeInstanceOf(AppConfig);
  });

  it('is documented by .env.example: every setting, with its default', () => {
    const lines = readFileSync(join(__dirname, '../../../../.env.example'), 'utf8').split('\n');
    const documented = lines.flatMap((line) => /^(?:# )?([A-Z][A-Z0-9_]*)=/.exec(line)?.[1] ?? []);
    expect(documented.sort()).toEqual(Object.keys(new AppConfig()).sort());
    const examples = lines.map((line) => /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line)).filter((match) => match !== null);
    expect(loadConfig(Object.fromEntries(examples.map(([, name, value]) => [name, value])))).toEqual(loadConfig({}));
  });
});
