import type { AccessIssueCategory, VisitChecklistItem } from '@maillage/shared/domain';

/** A site of the registry as the field-work story sees it (read back from the database). */
export interface FieldSite {
  id: string;
  name: string;
  status: 'prospect' | 'active' | 'suspended';
  communeCode: string;
  communeName: string;
  /** East of the département or a small rural commune: housing and transport are harder. */
  rural: boolean;
  distanceKm: number;
  housing: boolean;
  transport: boolean;
  parking: boolean;
  msus: { id: string; name: string }[];
}

/** The category of access issue a checklist item raises when it is not satisfactory. */
export const CATEGORY_OF_ITEM: Readonly<Record<VisitChecklistItem, AccessIssueCategory>> = {
  consultation_room: 'premises',
  computer_access: 'it',
  medical_software: 'it',
  supervision_time: 'supervision',
  housing_available: 'housing',
  public_transport: 'public_transport',
  parking: 'parking',
  welcome_booklet: 'other',
  safety: 'safety',
};

/** Comments written in the checklist for an answer other than "satisfaisant". */
export const CHECKLIST_COMMENTS: Readonly<Record<VisitChecklistItem, readonly string[]>> = {
  consultation_room: ['Bureau partagé avec l’assistante certains jours.', 'Pas de bureau dédié le mercredi.'],
  computer_access: ['Un seul poste pour deux praticiens.', 'Connexion internet instable.'],
  medical_software: ['Licence du logiciel métier à prévoir pour l’étudiant.', 'Accès en lecture seule.'],
  supervision_time: ['Débriefing en fin de journée seulement.', 'Temps de supervision à formaliser.'],
  housing_available: ['Aucun logement identifié à proximité.', 'Logement possible à 20 km seulement.'],
  public_transport: ['Un car par jour depuis la gare.', 'Gare la plus proche à 12 km, pas de bus.'],
  parking: ['Stationnement en zone bleue.', 'Pas de place réservée au cabinet.'],
  welcome_booklet: ['Livret d’accueil en cours de rédaction.', 'Livret à mettre à jour.'],
  safety: ['Éclairage du parking insuffisant le soir.', 'Porte d’accès arrière sans verrou.'],
};

/** Descriptions of access issues, per category (neutral, about hosting conditions only). */
export const ISSUE_TEXTS: Readonly<Record<AccessIssueCategory, readonly string[]>> = {
  public_transport: [
    'Site non desservi par les transports en commun aux horaires de stage.',
    'Un seul car le matin depuis la gare : arrivée impossible avant 9 h 30.',
    'Aucune liaison en transports en commun depuis la gare la plus proche.',
  ],
  distance: [
    'Plus d’une heure de trajet depuis le CHU et le domicile des internes.',
    'Site éloigné : les internes sans véhicule renoncent à ce terrain.',
    'Distance importante avec les autres lieux de stage du semestre.',
  ],
  housing: [
    'Pas de logement disponible pour les internes dans la commune.',
    'Loyers trop élevés au regard de la durée du stage.',
    'Logement proposé trop éloigné du cabinet (plus de 25 km).',
    'Aucune solution d’hébergement pour les gardes et astreintes.',
  ],
  parking: ['Pas de place de stationnement pour l’étudiant.', 'Stationnement payant et limité autour du cabinet.'],
  premises: [
    'Pas de bureau de consultation dédié à l’étudiant.',
    'Salle de consultation partagée, planning des bureaux à revoir.',
    'Équipement de la salle d’examen incomplet.',
  ],
  it: [
    'Pas de poste informatique pour l’étudiant.',
    'Pas de licence du logiciel métier pour l’étudiant.',
    'Connexion internet insuffisante pour la téléconsultation.',
  ],
  supervision: [
    'Temps de supervision insuffisant les jours de forte affluence.',
    'Absence du maître de stage certaines semaines sans relais identifié.',
  ],
  pay: [
    'Indemnité de transport versée avec plusieurs mois de retard.',
    'Internes mal informés des indemnités auxquelles ils ont droit.',
  ],
  safety: ['Retour tardif à pied par une zone peu éclairée.', 'Locaux isolés en fin de journée.'],
  other: [
    'Livret d’accueil absent, informations pratiques difficiles à trouver.',
    'Accueil le premier jour à organiser.',
  ],
};

/** Resolution texts, per category. */
export const RESOLUTIONS: Readonly<Record<AccessIssueCategory, readonly string[]>> = {
  public_transport: ['Navette organisée avec la commune aux horaires de stage.', 'Aide au transport accordée.'],
  distance: ['Indemnité kilométrique complémentaire versée aux internes.', 'Planning regroupé sur trois jours.'],
  housing: [
    'Logement proposé à la maison des internes.',
    'Aide au logement accordée.',
    'Studio mis à disposition par la mairie.',
  ],
  parking: ['Place réservée obtenue auprès de la mairie.', 'Accès au parking du personnel accordé.'],
  premises: ['Bureau aménagé avec le financement départemental.', 'Planning des bureaux réorganisé.'],
  it: ['Poste informatique et licence financés.', 'Accès au logiciel métier ouvert à l’étudiant.'],
  supervision: ['Supervision partagée avec un second maître de stage.', 'Créneau de débriefing quotidien fixé.'],
  pay: ['Versement régularisé et calendrier communiqué.', 'Information diffusée aux internes.'],
  safety: ['Éclairage installé par la commune.', 'Horaires de fin de stage avancés.'],
  other: ['Livret d’accueil rédigé et remis.', 'Accueil du premier jour organisé.'],
};

export const WONT_FIX = [
  'Sans suite : le site ne reçoit plus d’étudiants.',
  'Sans suite : situation jugée acceptable par les internes.',
  'Sans suite : hors du champ d’action du Département.',
];

/** Follow-up actions written at the end of a visit. */
export const ACTIONS: readonly { title: string; owner: 'msu' | 'officer' }[] = [
  { title: 'Transmettre le livret d’accueil mis à jour', owner: 'msu' },
  { title: 'Envoyer le compte rendu de visite au maître de stage', owner: 'officer' },
  { title: 'Vérifier la disponibilité d’un logement pour le prochain semestre', owner: 'officer' },
  { title: 'Demander un devis pour le poste informatique', owner: 'msu' },
  { title: 'Contacter la mairie au sujet du stationnement', owner: 'officer' },
  { title: 'Compléter le dossier de demande d’agrément', owner: 'msu' },
  { title: 'Organiser le créneau de supervision hebdomadaire', owner: 'msu' },
  { title: 'Relancer la communauté de communes pour la navette', owner: 'officer' },
];
