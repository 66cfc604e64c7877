import type { Permission } from '@maillage/shared/domain';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The web app's sources (the e2e project may not import the app: it reads its route table). */
export const WEB_APP = resolve(__dirname, '..', '..', '..', 'web', 'src', 'app');

/** A routed page of the signed-in app: `/terrains/:id/modifier`, and the permission of its area. */
export interface AppRoute {
  area: string;
  /** The address pattern; `:id` stands for a record of the area. */
  pattern: string;
  permission: Permission;
}

function read(...parts: string[]): string {
  return readFileSync(join(WEB_APP, ...parts), 'utf8');
}

/** Each area's path and permission, from `core/navigation/areas.ts`. */
function areaTable(): Map<string, { path: string; permission: Permission }> {
  const source = read('core', 'navigation', 'areas.ts');
  const table = new Map<string, { path: string; permission: Permission }>();
  const entry = /\n {2}(\w+): \{\s*key: '\w+',\s*permission: '([\w.]+)',[^}]*?path: '([^']*)'/g;
  for (const match of source.matchAll(entry)) {
    table.set(match[1], { permission: match[2] as Permission, path: match[3] });
  }
  return table;
}

/** The child paths of a lazy routes file (`''`, `nouveau`, `:id`, `:id/modifier`…). */
function childPaths(routesFile: string): string[] {
  return [...read('layout', routesFile).matchAll(/\bpath: '([^']*)'/g)].map((m) => m[1]);
}

/**
 * Every page of the signed-in app, read from `layout/shell.routes.ts` (the areas) and the areas'
 * lazy route files: a new area or a new child route is walked without editing a list.
 */
export function appRoutes(): AppRoute[] {
  const areas = areaTable();
  const shell = read('layout', 'shell.routes.ts');
  const routes: AppRoute[] = [];
  const declaration = /area\('(\w+)',\s*\{\s*load(Component|Children): \(\) =>\s*import\('([^']+)'\)/g;
  for (const [, key, kind, file] of shell.matchAll(declaration)) {
    const area = areas.get(key);
    if (!area) throw new Error(`Zone « ${key} » absente de areas.ts`);
    const children = kind === 'Children' ? childPaths(`${file}.ts`) : [''];
    for (const child of children) {
      const pattern = ['', area.path, child].filter((part, i) => i === 0 || part !== '').join('/');
      routes.push({ area: key, pattern: pattern === '' ? '/' : pattern, permission: area.permission });
    }
  }
  // Pages of the shell outside the areas (`notifications`): a path, a permission guard, a page.
  const page =
    /\{\s*path: '([^']+)',[^{}]*?permissionGuard\('([\w.]+)'\)[^{}]*?load(Component|Children): \(\) =>\s*import\('([^']+)'\)/g;
  for (const [, path, permission, kind, file] of shell.matchAll(page)) {
    const children = kind === 'Children' ? childPaths(`${file}.ts`) : [''];
    for (const child of children) {
      routes.push({
        area: path,
        pattern: ['', path, child]
          .filter(Boolean)
          .join('/')
          .replace(/^(?!\/)/, '/'),
        permission: permission as Permission,
      });
    }
  }
  if (routes.length < 18) throw new Error(`Seulement ${routes.length} pages lues dans la table des routes`);
  return routes;
}
