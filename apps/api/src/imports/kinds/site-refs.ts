import { normalizeSearchText } from '@maillage/shared/domain';

/** What a spreadsheet cell says to name a site: its SIRET, else « Nom (code INSEE) ». */
export function siteReference(site: { name: string; siret: string | null; communeCode: string }): string {
  return site.siret ?? `${site.name} (${site.communeCode})`;
}

interface SiteLike {
  id: string;
  name: string;
  siret: string | null;
  communeCode: string;
}

/**
 * Finds the sites of a département named in a cell: a SIRET, « Nom (code INSEE) », or a name
 * that only one site bears. Each failure is a French message.
 */
export class SiteResolver<S extends SiteLike> {
  private readonly bySiret = new Map<string, S>();
  private readonly byName = new Map<string, S[]>();

  constructor(sites: readonly S[]) {
    for (const site of sites) {
      if (site.siret) this.bySiret.set(site.siret, site);
      const key = normalizeSearchText(site.name);
      this.byName.set(key, [...(this.byName.get(key) ?? []), site]);
    }
  }

  resolve(reference: string): S | string {
    const text = reference.trim();
    const digits = text.replace(/\s+/g, '');
    if (/^\d{14}$/.test(digits)) {
      return this.bySiret.get(digits) ?? `aucun terrain de votre département n’a le SIRET ${digits}.`;
    }
    const withCommune = /^(.*)\(\s*(\d{5}|2[AB]\d{3})\s*\)$/.exec(text);
    const name = normalizeSearchText(withCommune ? withCommune[1] : text);
    const candidates = (this.byName.get(name) ?? []).filter((s) => !withCommune || s.communeCode === withCommune[2]);
    if (candidates.length === 1) return candidates[0];
    return candidates.length === 0
      ? `aucun terrain « ${text} » dans votre département.`
      : `plusieurs terrains s’appellent « ${text} » : écrivez « Nom (code INSEE) » ou le SIRET.`;
  }
}
