import type { DemoRandom } from './demo-kit';

/**
 * Word lists of the registry demo. Names are common French first and last names combined at
 * random: they designate nobody. Street names and site themes are generic.
 */

/** Splits a comma-separated list (one line per list keeps the file readable). */
function words(list: string): readonly string[] {
  return list.split(', ');
}

export const FEMALE_FIRST_NAMES = words(
  'Anne, Camille, Claire, Élise, Sophie, Julie, Nathalie, Isabelle, Caroline, Aurélie, Émilie, Céline, Sandrine, Valérie, Laure, Hélène, Marion, Pauline, Lucie, Charlotte, Mathilde, Agnès, Delphine, Virginie, Stéphanie, Cécile, Florence, Marie-Claire, Anne-Sophie, Béatrice, Juliette, Léa, Manon, Sarah, Inès, Clémence, Amélie, Audrey, Laetitia, Karine, Myriam, Nadia, Samia, Yasmine, Fatima, Leïla, Chloé, Margaux, Noémie, Solène',
);

export const MALE_FIRST_NAMES = words(
  'Philippe, Laurent, Olivier, Nicolas, Christophe, Stéphane, Frédéric, Julien, Thomas, Sébastien, Pierre, Jean-Marc, Jean-Luc, François, Éric, Pascal, Didier, Thierry, Bruno, Vincent, Guillaume, Antoine, Mathieu, Benoît, Arnaud, Alexandre, Romain, Maxime, Hugo, Lucas, Jérôme, Fabrice, Patrick, Denis, Hervé, Xavier, Yann, Karim, Mehdi, Samir, Rachid, Youssef, Adrien, Baptiste, Clément, Florian, Quentin, Damien, Cédric, Gilles',
);

export const LAST_NAMES = words(
  'Aubert, Barbier, Baron, Benard, Berger, Besnard, Blanchard, Bonnet, Boucher, Bouvier, Brun, Brunet, Carpentier, Carré, Charpentier, Chevalier, Clément, Colin, Collet, Cordier, Cousin, Da Silva, Daniel, David, Delorme, Deschamps, Dubois, Dufour, Dumont, Dupuis, Durand, Fabre, Faure, Fleury, Fournier, François, Gaillard, Garnier, Gauthier, Gérard, Gilbert, Girard, Giraud, Guérin, Guillot, Hamel, Hamon, Hubert, Huet, Jacob, Joly, Julien, Lacroix, Lambert, Langlois, Laurent, Leblanc, Lebrun, Leclerc, Lecomte, Lefebvre, Legrand, Lejeune, Lemaire, Lemoine, Leroux, Leroy, Lucas, Marchal, Marchand, Mallet, Masson, Mathieu, Mercier, Meunier, Meyer, Michaud, Morel, Moulin, Muller, Noël, Olivier, Paris, Perrin, Picard, Poirier, Prévost, Renard, Renaud, Rey, Rivière, Roche, Roger, Rolland, Roussel, Roux, Royer, Schmitt, Tessier, Vidal, Benali, Haddad, Mansouri, Nguyen, Tran, Diallo, Traoré, Kaya, Ferreira, Pereira',
);

export const STREET_KINDS = words('rue, rue, rue, rue, avenue, avenue, place, boulevard, allée');

export const STREET_NAMES = words(
  'de la République, Victor-Hugo, Jean-Jaurès, de la Gare, Pasteur, du Général-de-Gaulle, des Écoles, du Moulin, de l’Église, des Tilleuls, du Marché, Gambetta, de Paris, de Provins, de Meaux, de Melun, des Prés, du Château, de la Libération, Saint-Martin, des Vignes, du Four, de la Mairie, Jules-Ferry, des Lavandières, du Grand-Morin, des Peupliers, de la Fontaine, Georges-Clemenceau, Louis-Pasteur, des Acacias, de la Croix-Blanche, des Remparts, du Stade, des Jardins, Aristide-Briand, de la Brie, du 8-Mai-1945, des Rosiers, de la Paix, Anatole-France, du Lavoir, des Sablons',
);

/** Themes for the names of group practices and health centres. */
export const SITE_THEMES = words(
  'des Tilleuls, du Parc, de la Gare, les Coquelicots, du Vieux Moulin, de l’Orée du Bois, des Trois Rivières, Saint-Exupéry, Simone-Veil, Marie-Curie, Pasteur, Louis-Braille, des Remparts, du Château, de la Brie, les Peupliers, du Val, des Deux Vallées, du Centre, des Lilas, Jean-Moulin, Rosa-Parks, du Bocage, des Sources, les Cèdres, de la Vallée, des Portes de la Brie, Hippocrate, des Coteaux, du Canal, Lucie-Aubrac, Germaine-Tillion, des Moissons, des Glycines, du Grand Chêne, de l’Horloge',
);

export const TRAINING_TITLES = words(
  'Séminaire MSU : supervision indirecte et SASPAS, Évaluer les compétences de l’interne : traces d’apprentissage, Accueillir un docteur junior en 4e année, Pédagogie de la rétroaction en stage ambulatoire, Le récit de situation complexe authentique (RSCA), Journée régionale des maîtres de stage (DMG), Accueillir un externe en médecine générale, Supervision en santé de la femme et de l’enfant',
);

export const FACULTIES = words(
  'Université Paris-Est Créteil, Université Paris-Est Créteil, Université Paris-Est Créteil, Université Paris Cité, Sorbonne Université, Université Paris-Saclay, Université Sorbonne Paris Nord, Université de Reims Champagne-Ardenne',
);

export const AUTHORITY_3RD_CYCLE = 'ARS Île-de-France — Directeur général';
export const AUTHORITY_2ND_CYCLE = 'Doyen de l’UFR de médecine — Université Paris-Est Créteil';

/** Unique synthetic identities (first and last names drawn independently). */
export function nameFactory(random: DemoRandom): () => { female: boolean; firstName: string; lastName: string } {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const female = random.chance(0.52);
      const firstName = random.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
      const lastName = random.pick(LAST_NAMES);
      const key = `${firstName} ${lastName}`;
      if (firstName === lastName || used.has(key)) continue;
      used.add(key);
      return { female, firstName, lastName };
    }
  };
}

export type NameFactory = ReturnType<typeof nameFactory>;
