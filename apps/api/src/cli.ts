import { isRole, PASSWORD_MIN_LENGTH } from '@maillage/shared/domain';
import { Logger } from '@nestjs/common';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';

import { createApp, prepareData } from './bootstrap';
import { SYSTEM_ACTOR } from './common/scope/territory-scope';
import { loadConfig } from './config/app-config';
import { backupCommand, restoreCommand } from './database/backup/backup-commands';
import { resolveDatabase } from './database/database-target';
import { migrate } from './database/migrate';
import { DemoSeedService } from './demo/demo-seed.service';
import { stderrProgress } from './rpps/progress-bar';
import { RppsLoadsService } from './rpps/rpps-loads.service';
import { ContoursLoaderService } from './territory/contours-loader.service';
import { UsersService } from './users/users.service';

const USAGE = `Usage : node dist/apps/api/cli.js <commande> [options]
  user:create --email <e-mail> --role <rôle> [--name <nom>] [--departement <code>]
              crée un compte ; le mot de passe est lu sur l'entrée standard (ou demandé)
  db:migrate            applique les migrations
  territory:load        charge (ou met à jour) communes, EPCI et populations, puis les contours configurés
  contours:load --source <chemin ou URL>
  rpps:import <fichier>  charge l’extraction nationale de l’Annuaire Santé (PS_LibreAcces_Personne_activite_*.txt)
  demo:seed             charge les données de démonstration (jamais en production)
  backup [--file <f>]   sauvegarde toutes les données (l'application peut tourner), par défaut dans backups/
  restore --file <f>    remplace toutes les données par celles d'une sauvegarde (tout ou rien)`;

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      departement: { type: 'string' },
      source: { type: 'string' },
      file: { type: 'string' },
    },
  });
  if (!command || command === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const config = { ...loadConfig(), DEMO_DATA: 'false' as const };
  // Beside a running app: no Nest app, the database the app uses (embedded or DATABASE_URL).
  if (command === 'backup') {
    await backupCommand(config, values.file);
    return;
  }
  if (command === 'restore') {
    if (!values.file) throw new Error('--file est obligatoire');
    await restoreCommand(config, values.file);
    return;
  }
  const target = await resolveDatabase(config);
  const app = await createApp(config, target.url, { bufferLogs: false });
  app.useLogger(new Logger());
  await app.init();
  try {
    switch (command) {
      case 'db:migrate':
        await migrate(app.get(DataSource));
        break;
      case 'territory:load':
        await prepareData(app, config, target);
        break;
      case 'contours:load': {
        if (!values.source) throw new Error('--source est obligatoire');
        await migrate(app.get(DataSource));
        const report = await app.get(ContoursLoaderService).loadFrom(values.source);
        process.stdout.write(`${JSON.stringify({ ...report, missing: report.missing.length }, null, 2)}\n`);
        break;
      }
      case 'rpps:import': {
        const file = positionals[0];
        if (!file)
          throw new Error('Indiquez le fichier : npm run import:rpps -- PS_LibreAcces_Personne_activite_….txt');
        await migrate(app.get(DataSource));
        const load = await app.get(RppsLoadsService).loadFile(file, stderrProgress());
        process.stdout.write(
          `Annuaire chargé : ${load.rowsKept} lieux d’exercice gardés sur ${load.rowsRead} lignes (${load.columnCount} colonnes)` +
            `${load.malformedLines ? `, ${load.malformedLines} lignes mal formées ignorées` : ''}.\n`,
        );
        for (const problem of load.problems) process.stdout.write(`  - ${problem}\n`);
        break;
      }
      case 'demo:seed':
        await prepareData(app, config, target);
        await app.get(DemoSeedService).seed(config.TERRITORY_DEPARTEMENTS[0]);
        break;
      case 'user:create': {
        const { email, role } = values;
        if (!email || !role || !isRole(role))
          throw new Error('--email et --role (admin, mission_officer, cdom, departement, committee) sont obligatoires');
        await prepareData(app, config, target);
        const password = await readPassword();
        const user = await app.get(UsersService).create(SYSTEM_ACTOR, {
          email: email.trim().toLowerCase(),
          role,
          displayName: values.name ?? email,
          departementCode: values.departement ?? (role === 'admin' ? null : config.TERRITORY_DEPARTEMENTS[0]),
          password,
        });
        process.stdout.write(`Compte créé : ${user.email} (${user.role}, ${user.departementCode ?? 'national'})\n`);
        break;
      }
      default:
        throw new Error(`Commande inconnue : ${command}\n${USAGE}`);
    }
  } finally {
    await app.close();
    await target.embedded?.stop();
  }
}

/** Reads the password from stdin (piped) or asks for it without echo (terminal). */
async function readPassword(): Promise<string> {
  const password = process.stdin.isTTY ? await ask('Mot de passe : ') : await firstLine();
  if (password.length < PASSWORD_MIN_LENGTH)
    throw new Error(`Le mot de passe doit compter ${PASSWORD_MIN_LENGTH} caractères au moins.`);
  return password;
}

function ask(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    rl.question(prompt, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    output._writeToOutput = (s: string) => process.stdout.write(s.startsWith(prompt) ? prompt : '');
  });
}

async function firstLine(): Promise<string> {
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line.trim();
  }
  return '';
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
