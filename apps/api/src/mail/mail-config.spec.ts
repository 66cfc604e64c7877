import { appUrlOf, loadConfig } from '../config/app-config';
import { mailBannerLine } from './mail-transport';

describe('mail and document settings', () => {
  it('has working defaults: no e-mail, 20 MB documents, links to localhost', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      MAIL_POLL_SECONDS: 30,
      MAIL_MAX_ATTEMPTS: 8,
      MAIL_RETRY_SECONDS: 60,
      DOCUMENTS_MAX_MB: 20,
    });
    expect(config.SMTP_URL).toBeUndefined();
    expect(appUrlOf(config)).toBe('http://localhost:3000');
    expect(mailBannerLine(config)).toBe(
      'E-mails : non configurés (SMTP_URL absent) — les notifications restent dans l’application',
    );
  });

  it('reads an SMTP server, its sender and reply address, and the public address', () => {
    const config = loadConfig({
      SMTP_URL: 'smtp://maillage:s3cret@smtp.departement77.fr:587',
      MAIL_FROM: 'Maillage <ne-pas-repondre@departement77.fr>',
      MAIL_REPLY_TO: 'accueil.sante@departement77.fr',
      APP_URL: 'https://maillage.departement77.fr/',
      DOCUMENTS_MAX_MB: '50',
    });
    expect(appUrlOf(config)).toBe('https://maillage.departement77.fr');
    expect(config.DOCUMENTS_MAX_MB).toBe(50);
    // The banner never shows the password.
    expect(mailBannerLine(config)).toBe(
      'E-mails : smtp://smtp.departement77.fr:587, expéditeur Maillage <ne-pas-repondre@departement77.fr>',
    );
  });

  it.each([
    [{ SMTP_URL: 'smtp://smtp.example.fr' }, 'MAIL_FROM'],
    [{ SMTP_URL: 'http://smtp.example.fr', MAIL_FROM: 'a@b.fr' }, 'SMTP_URL'],
    [{ SMTP_URL: 'smtp://smtp.example.fr', MAIL_FROM: 'pas une adresse' }, 'MAIL_FROM'],
    [{ MAIL_REPLY_TO: 'x@' }, 'MAIL_REPLY_TO'],
    [{ APP_URL: 'maillage.fr' }, 'APP_URL'],
    [{ APP_URL: 'https://maillage.fr/?a=1' }, 'APP_URL'],
    [{ DOCUMENTS_MAX_MB: '0' }, 'DOCUMENTS_MAX_MB'],
    [{ DOCUMENTS_MAX_MB: 'beaucoup' }, 'DOCUMENTS_MAX_MB'],
    [{ MAIL_MAX_ATTEMPTS: '0' }, 'MAIL_MAX_ATTEMPTS'],
  ])('refuses %j, naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(`${name} \\(`));
  });
});
