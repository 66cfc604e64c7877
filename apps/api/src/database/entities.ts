import { AuditEvent } from '../audit/audit-event.entity';
import { Session } from '../auth/session.entity';
import { CommuneContour } from '../territory/entities/commune-contour.entity';
import { CommuneZonage } from '../territory/entities/commune-zonage.entity';
import { Commune } from '../territory/entities/commune.entity';
import { Departement } from '../territory/entities/departement.entity';
import { Epci } from '../territory/entities/epci.entity';
import { User } from '../users/user.entity';

/** Every entity of the app, listed once for the app, the CLI and the tests. */
export const ENTITIES = [AuditEvent, Commune, CommuneContour, CommuneZonage, Departement, Epci, Session, User];
