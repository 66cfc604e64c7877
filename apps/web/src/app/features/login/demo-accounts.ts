import type { Role } from '@maillage/shared/domain';

export const DEMO_PASSWORD = 'demo-maillage-77';

/** The accounts of the demo data (API.md); shown only when `/api/health` says `demo: true`. */
export const DEMO_ACCOUNTS: readonly { email: string; role: Role }[] = [
  { email: 'chargee.mission@demo.maillage.fr', role: 'mission_officer' },
  { email: 'cdom@demo.maillage.fr', role: 'cdom' },
  { email: 'departement@demo.maillage.fr', role: 'departement' },
  { email: 'comite@demo.maillage.fr', role: 'committee' },
  { email: 'admin@demo.maillage.fr', role: 'admin' },
];

export interface HealthStatus {
  status: string;
  demo?: boolean;
}
