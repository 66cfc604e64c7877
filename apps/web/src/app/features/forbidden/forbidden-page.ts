import { Location } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router } from '@angular/router';
import { ROLE_LABELS } from '@maillage/shared/domain';
import { AccessDenied } from '@maillage/web/ui';
import { AuthStore } from '../../core/auth/auth.store';
import { areaOfUrl } from '../../core/navigation/areas';

/**
 * « Accès refusé »: shown by `permissionGuard` while the address bar keeps the address asked for
 * (`/utilisateurs`), so the user knows what was refused and why.
 */
@Component({
  selector: 'app-forbidden-page',
  imports: [AccessDenied],
  template: `<ui-access-denied [headingLevel]="1" [what]="what()" [path]="path" [roleLabel]="roleLabel()" />`,
  styles: `
    :host {
      display: block;
      max-width: 760px;
      margin: 24px auto;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ForbiddenPage {
  private readonly auth = inject(AuthStore);
  /** The page that was asked for: given by the guard, or the browser's address after a reload. */
  protected readonly path: string =
    (inject(Router).currentNavigation()?.extras.state?.['forbiddenUrl'] as string | undefined) ??
    (inject(Location).path() || '/');
  protected readonly what = computed(() => {
    const area = areaOfUrl(this.path);
    return area ? `la page « ${area.label} »` : 'cette page';
  });
  protected readonly roleLabel = computed(() => {
    const role = this.auth.role();
    return role ? ROLE_LABELS[role] : null;
  });
}
