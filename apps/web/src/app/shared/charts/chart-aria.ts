/**
 * The ARIA option of every chart: ECharts describes a chart in English (« This is a chart… »)
 * unless it is given its own description, so each chart says in French what it shows.
 */
export interface ChartAria {
  enabled: true;
  label: { description: string };
  decal?: { show: boolean };
}

export function chartAria(description: string, options: { decal?: boolean } = {}): ChartAria {
  const text = description.trim();
  if (text === '') throw new Error('Un graphique a besoin d’une description en français.');
  return { enabled: true, label: { description: text }, ...(options.decal ? { decal: { show: true } } : {}) };
}
