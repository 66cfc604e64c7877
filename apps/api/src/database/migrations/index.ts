import { CreateFoundation1795329274433 } from './1795329274433-CreateFoundation';

/** Every migration, in order. A new one is generated with `npm run db:migration:generate -- <Name>`. */
export const MIGRATIONS = [CreateFoundation1795329274433];
