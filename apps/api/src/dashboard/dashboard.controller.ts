import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { FiguresRoutes } from '../figure-cache/figures-routes';
import { DashboardService } from './dashboard.service';
import { DashboardQuery } from './dto/dashboard.query';

const DESCRIPTION = `Chiffres clés d’une période (from, to ; par défaut du 1er janvier à aujourd’hui) et d’un territoire
(le département de l’utilisateur, restreint à un EPCI ou une commune), chacun calculé en base :
- sites : terrains non archivés dont la commune est dans le territoire ; actifs = statut « active ».
- msus : professionnels non archivés aux étapes « accredited » ou « active », rattachés à un terrain du territoire
  (ou du département sans filtre territorial).
- places : places offertes et demandées du semestre à venir (calcul des semestres), au niveau du département.
- pipeline : nombre de professionnels par étape actuelle ; « reached » = à cette étape ou plus loin dans l’entonnoir ;
  conversionToNext = reached(étape suivante) / reached(étape), ratio de 0 à 1.
- referrals : signalements CDOM créés dans la période (heure de Paris), par statut ; le territoire porte sur leur commune.
- accessIssues : difficultés ouvertes (ouvertes ou en cours) par catégorie, levées dans la période par catégorie et par mois,
  et ouvertes à la fin de la période (levées au plus tard le « to », non closes à cette date).
- visits : planifiées = non annulées prévues dans la période ; réalisées = faites dans la période ; pending = encore planifiées.
- accreditations : agréments en vigueur dont la fin tombe dans la fenêtre d’alerte (aujourd’hui → + N mois) ;
  expirés = agréments accordés, conditionnels ou expirés (hors retraits et demandes) dont la date de fin, passée,
  tombe dans la période. Avec un territoire : détenus par un de ses terrains ou par un professionnel qui y exerce.
- intents : intentions d’installation non archivées par statut ; le territoire porte sur leurs communes cibles.
- generalPractitioners : médecins généralistes de l’Annuaire Santé (RPPS) ayant un lieu d’exercice dans le territoire
  (commune, EPCI ou département ; comptés une fois), pour 10 000 habitants de ses communes (count / population
  × 10 000, arrondi à 0,01 ; null si la population est inconnue) — le calcul de GET /api/rpps/density.
  directoryLoadedAt : date du chargement de l’annuaire en place ; null, ainsi que count et per10000, tant qu’aucun
  annuaire n’a été chargé.`;

@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardController extends FiguresRoutes(DashboardQuery, 'dashboard.read', {
  summary: 'Tableau de bord : chiffres clés d’une période et d’un territoire.',
  description: DESCRIPTION,
}) {
  constructor(dashboard: DashboardService) {
    super(dashboard);
  }
}
