/**
 * Every form and dialog of the web app, and the Playwright tests that submit it: `saves` (valid
 * data; after a reload the saved value is on screen) and `refuses` (invalid data; the message sits
 * at the field). `forms-registry.spec.ts` scans `apps/web/src/app` and fails when a component
 * with a `<form>`, a `uiDialogForm` or a dialog is missing here, when an entry points at a file or
 * a test that does not exist, or when an entry has neither tests nor a stated reason.
 */

/** A test: its spec file (under `apps/web-e2e/src`) and its exact title. */
export interface TestRef {
  spec: string;
  title: string;
}

export interface FormEntry {
  /** The component, relative to `apps/web/src/app`. */
  file: string;
  /** Where a user finds it, in French. */
  name: string;
  saves?: TestRef;
  refuses?: TestRef;
  /** Why a test is still missing (shown by the check); an entry without it needs both tests. */
  pending?: string;
  /** A dialog that only shows (no submission): one test that opens it. */
  opens?: TestRef;
}

const t = (spec: string, title: string): TestRef => ({ spec, title });
const BULK_TASKS =
  'crée une tâche pour chacun de deux agréments (l’intitulé manquant est refusé au champ) ; les tâches sont dans la liste après rechargement';

export const FORMS: readonly FormEntry[] = [
  {
    file: 'features/login/login-page.ts',
    name: 'Connexion',
    saves: t('login.spec.ts', 'le visiteur revient à la page demandée une fois connecté'),
    refuses: t('login.spec.ts', 'les champs vides sont signalés sans appel au serveur'),
  },
  {
    file: 'features/sites/site-form-page.ts',
    name: 'Terrains → Nouveau terrain / Modifier',
    saves: t('sites.spec.ts', 'crée un terrain par le formulaire, puis le renomme'),
    refuses: t(
      'sites.spec.ts',
      'le formulaire de modification reprend le terrain et refuse un SIRET invalide avant tout envoi',
    ),
  },
  {
    file: 'features/sites/site-capacities-dialog.ts',
    name: 'Fiche terrain → Capacités d’accueil',
    saves: t('sites.spec.ts', 'trouve un terrain par sa commune, modifie sa capacité et la retrouve dans l’historique'),
    refuses: t('forms-records.spec.ts', 'Capacités d’accueil : refuse une capacité négative, au champ'),
  },
  {
    file: 'features/professionals/professional-form-dialog.ts',
    name: 'Professionnels → Nouveau professionnel / Modifier',
    saves: t('forms-records.spec.ts', 'Professionnel : crée une fiche, toujours là après rechargement'),
    refuses: t('forms-records.spec.ts', 'Professionnel : refuse un RPPS invalide, au champ'),
  },
  {
    file: 'features/professionals/move-stage-dialog.ts',
    name: 'Professionnels → Changer d’étape',
    saves: t(
      'registry-people.spec.ts',
      'le CDOM signale un candidat ; la chargée de mission le convertit et le fait avancer au clavier',
    ),
    refuses: t('registry-people.spec.ts', 'refuse un passage interdit depuis une sortie du parcours'),
  },
  {
    file: 'features/professionals/training-session-dialog.ts',
    name: 'Fiche professionnel → Ajouter une session de formation',
    saves: t('forms-pending-a.spec.ts', 'Session de formation : ajoutée, toujours là après rechargement'),
    refuses: t(
      'forms-pending-a.spec.ts',
      'Session de formation : refuse une durée hors limites, une date future et un intitulé blanc, au champ',
    ),
  },
  {
    file: 'features/accreditations/accreditation-action-dialog.ts',
    name: 'Agréments → Accorder / Retirer / Constater l’expiration',
    saves: t('sites.spec.ts', 'accorde une demande d’agrément depuis la liste'),
    refuses: t(
      'forms-pending-a.spec.ts',
      'Agrément : refuse une fin avant le début et un retrait avant le début, au champ',
    ),
  },
  {
    file: 'features/accreditations/accreditation-history-dialog.ts',
    name: 'Agréments → Historique (lecture seule)',
    opens: t('sites.spec.ts', 'accorde une demande d’agrément depuis la liste'),
  },
  {
    file: 'features/referrals/referral-form-page.ts',
    name: 'Signalements → Signaler un candidat MSU',
    saves: t(
      'registry-people.spec.ts',
      'le CDOM signale un candidat ; la chargée de mission le convertit et le fait avancer au clavier',
    ),
    refuses: t('forms-records.spec.ts', 'Signalement : refuse un formulaire vide, au champ'),
  },
  {
    file: 'features/referrals/referral-detail-page.ts',
    name: 'Signalement → Ajouter le suivi',
    saves: t('forms.spec.ts', 'ajoute le suivi, toujours là après rechargement'),
    refuses: t('forms.spec.ts', 'refuse un suivi vide, au champ'),
  },
  {
    file: 'features/referrals/referral-close-dialog.ts',
    name: 'Signalement → Clore le signalement',
    saves: t('forms-pending-a.spec.ts', 'Clore un signalement : l’issue et la note, toujours là après rechargement'),
    refuses: t(
      'forms-pending-a.spec.ts',
      'Clore un signalement : refuse une clôture sans issue ni note, puis une note blanche, au champ',
    ),
  },
  {
    file: 'features/intents/intent-form-dialog.ts',
    name: 'Intentions d’installation → Signaler une intention',
    saves: t('registry-people.spec.ts', 'signale une intention sans consentement : seules les initiales sont gardées'),
    refuses: t(
      'forms-pending-a.spec.ts',
      'Intention d’installation : refuse des initiales et un horizon manquants, puis une spécialité blanche, au champ',
    ),
  },
  {
    file: 'features/visits/plan-visit-dialog.ts',
    name: 'Visites → Planifier une visite',
    saves: t(
      'visits.spec.ts',
      'planifie une visite, la consigne avec deux difficultés et télécharge le compte rendu PDF',
    ),
    refuses: t(
      'forms-pending-a.spec.ts',
      'Planifier une visite : refuse un terrain non choisi, une date manquante et un participant d’une lettre, au champ',
    ),
  },
  {
    file: 'features/visits/visit-record-page.ts',
    name: 'Visite → Compte rendu',
    saves: t(
      'visits.spec.ts',
      'planifie une visite, la consigne avec deux difficultés et télécharge le compte rendu PDF',
    ),
    refuses: t(
      'forms-pending-a.spec.ts',
      'Compte rendu de visite : refuse des constats vides et une action sans responsable, au champ',
    ),
  },
  {
    file: 'features/access-issues/access-issue-form-page.ts',
    name: 'Difficultés d’accès → Nouvelle difficulté',
    saves: t('access-issues.spec.ts', 'propose une difficulté depuis la fiche terrain, sans pouvoir la résoudre'),
    refuses: t('forms-records.spec.ts', 'Difficulté : refuse une description vide, au champ'),
  },
  {
    file: 'features/access-issues/issue-close-dialog.ts',
    name: 'Difficulté → Clore',
    saves: t('access-issues.spec.ts', 'clôt une difficulté avec une mesure'),
    refuses: t(
      'forms-pending-a.spec.ts',
      'Clore une difficulté : refuse une date avant le signalement et une résolution trop courte, au champ',
    ),
  },
  {
    file: 'features/measures/measure-form-page.ts',
    name: 'Mesures → Nouvelle mesure / Modifier',
    saves: t('forms-records.spec.ts', 'Mesure : crée une mesure, toujours là après rechargement'),
    refuses: t('forms-records.spec.ts', 'Mesure : refuse un nom vide, au champ'),
  },
  {
    file: 'features/tasks/task-form-dialog.ts',
    name: 'Tâches → Nouvelle tâche',
    saves: t('forms-records.spec.ts', 'Tâche : crée une tâche, toujours là après rechargement'),
    refuses: t('forms-records.spec.ts', 'Tâche : refuse un intitulé vide, au champ'),
  },
  {
    file: 'features/semesters/semester-demands-dialog.ts',
    name: 'Semestres → Saisir les demandes',
    saves: t('forms.spec.ts', 'enregistre les places demandées, toujours là après rechargement'),
    refuses: t('forms.spec.ts', 'garde le dialogue ouvert et dit l’erreur au champ pour un nombre négatif'),
  },
  {
    file: 'features/committees/meeting-form-page.ts',
    name: 'Comités → Nouvelle réunion / Modifier',
    saves: t('forms-pending-a-committees.spec.ts', 'Réunion : créée puis modifiée, toujours là après rechargement'),
    refuses: t(
      'forms-pending-a-committees.spec.ts',
      'Réunion : refuse un formulaire vide puis une décision d’une lettre, au champ',
    ),
  },
  {
    file: 'features/committees/meeting-action-dialog.ts',
    name: 'Réunion → Ajouter une action',
    saves: t('reporting.spec.ts', 'ajoute une action à un comité : elle devient une tâche'),
    refuses: t(
      'forms-pending-a-committees.spec.ts',
      'Action de réunion : refuse une action vide puis une échéance illisible, au champ',
    ),
  },
  {
    file: 'features/offer-snapshots/take-snapshot-dialog.ts',
    name: 'État de l’offre → Arrêter l’état de l’offre',
    saves: t('reporting.spec.ts', 'arrête l’état de l’offre et voit l’évolution depuis le relevé précédent'),
    refuses: t('forms-pending-b.spec.ts', 'État de l’offre : refuse un intitulé vide, au champ, sans relevé'),
  },
  {
    file: 'features/reports/create-report-dialog.ts',
    name: 'Bilan annuel → Nouveau bilan',
    saves: t('reporting.spec.ts', 'rédige un bilan, le présente puis l’approuve : ses chiffres sont figés'),
    refuses: t('forms-pending-b.spec.ts', 'Bilan annuel : refuse une année hors des bornes, au champ'),
  },
  {
    file: 'features/reports/report-detail-page.ts',
    name: 'Bilan annuel → Rédiger les sections',
    saves: t('reporting.spec.ts', 'rédige un bilan, le présente puis l’approuve : ses chiffres sont figés'),
    refuses: t(
      'forms-pending-b.spec.ts',
      'Bilan annuel : refuse d’approuver un bilan aux sections vides sans la confirmation ; rien n’est approuvé',
    ),
  },
  {
    file: 'features/reports/report-date-dialog.ts',
    name: 'Bilan annuel → Date de présentation / d’approbation',
    saves: t('reporting.spec.ts', 'rédige un bilan, le présente puis l’approuve : ses chiffres sont figés'),
    refuses: t(
      'forms-pending-b.spec.ts',
      'Bilan annuel : refuse d’approuver un bilan aux sections vides sans la confirmation ; rien n’est approuvé',
    ),
  },
  {
    file: 'features/users/user-create-dialog.ts',
    name: 'Utilisateurs → Créer un compte',
    saves: t('users.spec.ts', 'crée un compte, qui peut ensuite se connecter'),
    refuses: t('forms.spec.ts', 'place le refus de l’API au champ concerné, avec son libellé'),
  },
  {
    file: 'features/users/user-role-dialog.ts',
    name: 'Utilisateurs → Changer le rôle',
    saves: t('forms.spec.ts', 'change le rôle d’un compte, toujours changé après rechargement'),
    pending: 'refus au champ sans objet : une liste fermée, « Enregistrer » inactif tant que le rôle ne change pas',
  },
  {
    file: 'features/accreditations/accreditation-documents-dialog.ts',
    name: 'Agrément → Documents (joindre une décision signée)',
    saves: t(
      'collab.spec.ts',
      'elle joint une décision signée à un agrément et la télécharge ; le comité ne le peut pas',
    ),
    refuses: t(
      'forms-pending-b.spec.ts',
      'Agrément → Documents : refuse un fichier dont le contenu n’est pas du type annoncé, au bouton du fichier',
    ),
  },
  {
    file: 'features/notifications/notifications-page.ts',
    name: 'Notifications → Choix des e-mails',
    saves: t('collab.spec.ts', 'ses choix d’e-mails sont enregistrés et relus après rechargement'),
    pending: 'refus au champ sans objet : des cases à cocher',
  },
  {
    file: 'features/professionals/bulk-stage-dialog.ts',
    name: 'Professionnels → Changer d’étape pour la sélection',
    saves: t('collab.spec.ts', 'elle fait passer trois MSU à l’étape suivante en une action'),
    refuses: t('forms-pending-b.spec.ts', 'Changer d’étape pour la sélection : refuse sans étape choisie, au champ'),
  },
  {
    file: 'shared/bulk/bulk-action-dialog.ts',
    name: 'Terrains, agréments, tâches, signalements → Action groupée sur la sélection',
    saves: t('bulk-lists.spec.ts', BULK_TASKS),
    refuses: t('bulk-lists.spec.ts', BULK_TASKS),
  },
  {
    file: 'features/account/change-password-dialog.ts',
    name: 'Menu du compte → Changer mon mot de passe',
    saves: t(
      'mission-week.spec.ts',
      'exige le mot de passe actuel, dit l’erreur au champ, puis le nouveau mot de passe ouvre la session',
    ),
    refuses: t(
      'mission-week.spec.ts',
      'exige le mot de passe actuel, dit l’erreur au champ, puis le nouveau mot de passe ouvre la session',
    ),
  },
  {
    file: 'features/accreditations/accreditation-request-dialog.ts',
    name: 'Professionnel ou terrain → Demander un agrément',
    saves: t(
      'mission-week.spec.ts',
      'terrain, visite corrigée, agrément renouvelé, MSU rattaché et actif, semestre, signalement, état de l’offre, bilan',
    ),
    refuses: t(
      'forms-pending-b.spec.ts',
      'Demander un agrément : refuse sans type de stage et au-delà de vingt étudiants, au champ',
    ),
  },
  {
    file: 'features/professionals/site-link-dialog.ts',
    name: 'Professionnel → Rattacher à un terrain',
    saves: t(
      'mission-week.spec.ts',
      'terrain, visite corrigée, agrément renouvelé, MSU rattaché et actif, semestre, signalement, état de l’offre, bilan',
    ),
    refuses: t(
      'forms-pending-b.spec.ts',
      'Rattacher à un terrain : refuse une fin avant le début (400 de l’API), au champ',
    ),
  },
  {
    file: 'features/imports/import-upload-page.ts',
    name: 'Imports → Nouvel import (envoi du fichier)',
    saves: t(
      'imports.spec.ts',
      'importe un CSV Windows-1252, corrige une colonne, voit les erreurs, applique puis annule',
    ),
    refuses: t(
      'forms-pending-b.spec.ts',
      'Nouvel import : refuse un fichier qui n’est pas un tableur, puis un fichier vide, au champ du fichier',
    ),
  },
  {
    file: 'features/imports/import-mapping.ts',
    name: 'Import → Correspondance des colonnes',
    saves: t(
      'imports.spec.ts',
      'importe un CSV Windows-1252, corrige une colonne, voit les erreurs, applique puis annule',
    ),
    pending: 'refus au champ sans objet : des listes fermées ; les erreurs par ligne sont dans l’aperçu',
  },
  {
    file: 'features/general-practitioners/gp-referral-dialog.ts',
    name: 'Généralistes non MSU → Signaler au CDOM',
    saves: t('rpps.spec.ts', 'ouvre la liste, filtre par commune et fait d’une ligne un signalement'),
    refuses: t('rpps.spec.ts', 'refuse un motif trop court, au champ, sans créer de signalement'),
  },
  {
    file: 'features/general-practitioners/supervision-income-dialog.ts',
    name: 'Généralistes non MSU → Ce que rapporterait la maîtrise de stage',
    opens: t('rpps.spec.ts', 'montre ce que rapporterait la maîtrise de stage et propose le PDF'),
  },
];

/** Forms being built on a branch not merged yet (shown by the check as pending): none today. */
export const BEING_BUILT: readonly string[] = [];
