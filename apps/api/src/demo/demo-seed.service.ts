import { type Role, todayInFrance, type Zonage } from '@maillage/shared/domain';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { PasswordHasher } from '../auth/password-hasher';
import { CommuneZonage } from '../territory/entities/commune-zonage.entity';
import { Commune } from '../territory/entities/commune.entity';
import { User } from '../users/user.entity';
import { seedFieldworkDemo } from './fieldwork-demo';
import { seedRegistryDemo } from './registry-demo';
import { seedReportingDemo } from './reporting-demo';
import { seededRandom } from './seeded-random';

export const DEMO_PASSWORD = 'demo-maillage-77';

export const DEMO_ACCOUNTS: readonly { email: string; displayName: string; role: Role; national?: boolean }[] = [
  { email: 'admin@demo.maillage.fr', displayName: 'Alex Administrateur', role: 'admin', national: true },
  { email: 'chargee.mission@demo.maillage.fr', displayName: 'Camille Martin', role: 'mission_officer' },
  { email: 'cdom@demo.maillage.fr', displayName: 'Dr Hélène Garnier (CDOM 77)', role: 'cdom' },
  { email: 'departement@demo.maillage.fr', displayName: 'Julien Lefèvre (Département)', role: 'departement' },
  { email: 'comite@demo.maillage.fr', displayName: 'Sophie Bernard (comité de suivi)', role: 'committee' },
];

/** Large towns the demo classifies ZIP, as under-served urban poles. */
const DEMO_ZIP_TOWNS = ['77284', '77288', '77305', '77379', '77333', '77131', '77108', '77186', '77407'];

/**
 * Demo data: the five demo accounts of API.md and a plausible, synthetic ARS zonage of the
 * communes. Only ever loaded on the demo (embedded) database or on explicit request.
 */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
  ) {}

  async isSeeded(): Promise<boolean> {
    return this.db.getRepository(User).existsBy({ email: DEMO_ACCOUNTS[0].email });
  }

  async seed(departementCode: string): Promise<void> {
    if (await this.isSeeded()) return;
    const passwordHash = await this.hasher.hash(DEMO_PASSWORD);
    await this.db.transaction(async (manager) => {
      await manager.getRepository(User).insert(
        DEMO_ACCOUNTS.map((a) => ({
          email: a.email,
          displayName: a.displayName,
          role: a.role,
          departementCode: a.national ? null : departementCode,
          passwordHash,
          isActive: true,
          lastLoginAt: null,
        })),
      );
      const communes = await manager
        .getRepository(Commune)
        .find({ where: { departementCode }, order: { code: 'ASC' } });
      const random = seededRandom(77);
      const rows = communes.flatMap((c) => {
        const current: Zonage = DEMO_ZIP_TOWNS.includes(c.code) ? 'ZIP' : pickZonage(random(), c.population ?? 0);
        const previous: Zonage = current === 'ZIP' && random() < 0.4 ? 'ZAC' : current;
        return [
          {
            communeCode: c.code,
            zonage: previous,
            validFrom: '2018-07-01',
            validTo: '2022-03-31',
            source: 'Arrêté ARS IDF 2018 (démo)',
          },
          {
            communeCode: c.code,
            zonage: current,
            validFrom: '2022-04-01',
            validTo: null,
            source: 'Arrêté ARS IDF 2022 (démo)',
          },
        ];
      });
      for (let i = 0; i < rows.length; i += 500) {
        await manager.getRepository(CommuneZonage).insert(rows.slice(i, i + 500));
      }
      // The registry reads the zonage (docteur junior places and intents go to ZIP/ZAC communes).
      const userId = async (email: string) => (await manager.getRepository(User).findOneByOrFail({ email })).id;
      const users = {
        missionOfficerId: await userId(DEMO_ACCOUNTS[1].email),
        cdomId: await userId(DEMO_ACCOUNTS[2].email),
      };
      const today = todayInFrance();
      const report = await seedRegistryDemo(manager, departementCode, users, today);
      this.logger.log({ msg: 'registry demo loaded', ...report });
      // Field work reads the registry's sites and MSUs: visits, access issues, measures, tasks, semesters.
      const fieldwork = await seedFieldworkDemo(manager, departementCode, users, today);
      this.logger.log({ msg: 'fieldwork demo loaded', ...fieldwork });
      this.logger.log({
        msg: 'reporting demo loaded',
        ...(await seedReportingDemo(manager, departementCode, users, today)),
      });
    });
    this.logger.log(`Données de démonstration chargées pour le département ${departementCode}`);
  }
}

function pickZonage(r: number, population: number): Zonage {
  if (population > 20_000) return r < 0.5 ? 'ZIP' : 'ZAC';
  if (r < 0.42) return 'ZIP';
  if (r < 0.82) return 'ZAC';
  if (r < 0.9) return 'ZV';
  return 'HZ';
}
