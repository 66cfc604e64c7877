import { CreateFoundation1795329274433 } from './1795329274433-CreateFoundation';
import { AddRegistry1795330040238 } from './1795330040238-AddRegistry';
import { AddFieldWork1795331857178 } from './1795331857178-AddFieldWork';
import { AddReporting1795335011197 } from './1795335011197-AddReporting';
import { CommuneAnchors1795339131427 } from './1795339131427-CommuneAnchors';
import { AddImports1796653560237 } from './1796653560237-AddImports';
import { AddFigureChanges1796653817223 } from './1796653817223-AddFigureChanges';
import { AddSecurityFoundations1796654168365 } from './1796654168365-AddSecurityFoundations';
import { AddRppsDirectory1796655138150 } from './1796655138150-AddRppsDirectory';
import { AddCollaboration1796664551879 } from './1796664551879-AddCollaboration';
import { AddRenewalsAndSiteLinkHistory1796664728539 } from './1796664728539-AddRenewalsAndSiteLinkHistory';
import { InvalidateFiguresOnRppsLoad1796671008687 } from './1796671008687-InvalidateFiguresOnRppsLoad';

/** Every migration, in order. A new one is generated with `npm run db:migration:generate -- <Name>`. */
export const MIGRATIONS = [
  CreateFoundation1795329274433,
  AddRegistry1795330040238,
  AddFieldWork1795331857178,
  AddReporting1795335011197,
  CommuneAnchors1795339131427,
  AddImports1796653560237,
  AddFigureChanges1796653817223,
  AddSecurityFoundations1796654168365,
  AddRppsDirectory1796655138150,
  AddCollaboration1796664551879,
  AddRenewalsAndSiteLinkHistory1796664728539,
  InvalidateFiguresOnRppsLoad1796671008687,
];
