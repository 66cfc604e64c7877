import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { FiguresRoutes } from '../figure-cache/figures-routes';
import { MapQuery } from './dto/map.query';
import { MapService } from './map.service';

const DESCRIPTION = `Les communes du département de l’utilisateur (un administrateur national peut choisir \`departement\`,
toutes par défaut) avec les chiffres qui colorent la carte, et les terrains de stage non archivés. Définitions :
- gps : médecins généralistes de l’Annuaire Santé (RPPS) ayant un lieu d’exercice dans la commune (comptés une fois) ;
  gpsPer10000 = gps / population × 10 000, arrondi à 0,01 (null si la population est inconnue ou nulle) — le calcul de
  GET /api/rpps/density et du tableau de bord. Les deux sont null tant qu’aucun annuaire n’a été chargé.
- generalPractitioners : date du chargement de l’annuaire en place (directoryLoadedAt, null : jamais chargé), densité
  du département (departement, si un seul département) et de chaque EPCI (epcis), comme GET /api/rpps/density.
- msus : professionnels non archivés aux étapes « accredited » ou « active » exerçant dans un terrain non archivé de la
  commune (un professionnel qui exerce dans deux communes compte dans chacune).
- placesOffered : places offertes du semestre à venir (calcul des semestres) par les terrains actifs de la commune
  qui détiennent, au premier jour du semestre, un agrément en vigueur pour le type de stage (le leur ou celui d’un
  professionnel qui y exerce).
- openIssues : difficultés non archivées ouvertes ou en cours d’un terrain non archivé de la commune.
- zonage : classement ARS en vigueur aujourd’hui (null s’il n’est pas renseigné).
- sites[].position : « site » (coordonnées du terrain), « commune » (point d’ancrage de la commune, calculé à partir de
  son contour, quand le terrain n’a pas de coordonnées) ou null (ni l’un ni l’autre : le terrain n’est pas placé).
- contours : available = au moins une commune a un contour (chargé au démarrage depuis COMMUNE_CONTOURS_SOURCE ;
  les contours eux-mêmes sont servis par GET /api/communes/contours), communes = nombre de communes avec contour.`;

@ApiTags('map')
@Controller('map')
export class MapController extends FiguresRoutes(MapQuery, 'dashboard.read', {
  summary: 'Carte : chiffres par commune et terrains de stage placés.',
  description: DESCRIPTION,
}) {
  constructor(map: MapService) {
    super(map);
  }
}
