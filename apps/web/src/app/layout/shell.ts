import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatMenuModule } from '@angular/material/menu';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { ROLE_LABELS } from '@maillage/shared/domain';
import { map } from 'rxjs';
import { AuthStore } from '../core/auth/auth.store';
import { AREA_GROUP_LABELS, type Area, type AreaGroup, navigationFor } from '../core/navigation/areas';
import { departementLabel } from '../core/territory/departements';
import { ChangePasswordDialog } from '../features/account';
import { NotificationBell } from '../features/notifications';
import { SearchBox } from '../features/search';

/** The signed-in frame: toolbar, role navigation and the page. */
@Component({
  selector: 'app-shell',
  imports: [
    MatButtonModule,
    MatDividerModule,
    MatIconModule,
    MatListModule,
    MatMenuModule,
    MatSidenavModule,
    MatToolbarModule,
    NotificationBell,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    SearchBox,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly sidenav = viewChild.required(MatSidenav);

  protected readonly user = this.auth.user;
  protected readonly compact = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 959.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  /** The areas the role may open (the one permission map), grouped under their headings. */
  protected readonly navigation = computed(() => {
    const role = this.auth.role();
    const groups: { group: AreaGroup; label: string; areas: Area[] }[] = [];
    for (const area of role ? navigationFor(role) : []) {
      const last = groups.at(-1);
      if (last?.group === area.group) last.areas.push(area);
      else groups.push({ group: area.group, label: AREA_GROUP_LABELS[area.group], areas: [area] });
    }
    return groups;
  });
  protected readonly roleLabel = computed(() => {
    const role = this.auth.role();
    return role ? ROLE_LABELS[role] : '';
  });
  protected readonly departement = computed(() => departementLabel(this.user()?.departementCode ?? null));

  protected closeOnCompact(): void {
    if (this.compact()) void this.sidenav().close();
  }

  protected changePassword(): void {
    this.dialog.open(ChangePasswordDialog, {
      width: '480px',
      maxWidth: 'calc(100vw - 32px)',
      autoFocus: 'first-tabbable',
    });
  }

  protected logout(): void {
    void this.auth.logout();
  }
}
