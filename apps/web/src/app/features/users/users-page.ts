import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { type Page, ROLE_LABELS, type UserAccount } from '@maillage/shared/domain';
import { LIST_PAGE, Notifications, type RowAction, type TableColumn } from '@maillage/web/ui';
import { actionSubmission, selectFilters, urlListState } from '@maillage/web/util';
import { AuthStore } from '../../core/auth/auth.store';
import { departementLabel } from '../../core/territory/departements';
import { CONFLICT_MESSAGE, UserCreateDialog } from './user-create-dialog';
import { UserRoleDialog, type UserRoleDialogResult } from './user-role-dialog';
import { USER_LIST, USERS_URL, UsersApi } from './users-api';

/** `/utilisateurs`: the accounts, their roles and activation (administrators). */
@Component({
  selector: 'app-users-page',
  imports: [LIST_PAGE],
  templateUrl: './users-page.html',
  styleUrl: './users-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPage {
  private readonly api = inject(UsersApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifications = inject(Notifications);
  private readonly auth = inject(AuthStore);

  protected readonly columns: TableColumn<UserAccount>[] = [
    { key: 'displayName', header: 'Nom', sortable: true, text: (u) => u.displayName },
    { key: 'email', header: 'Adresse e-mail', sortable: true, text: (u) => u.email },
    { key: 'role', header: 'Rôle', sortable: true, text: (u) => ROLE_LABELS[u.role] },
    { key: 'departementCode', header: 'Département', text: (u) => departementLabel(u.departementCode) },
    { key: 'isActive', header: 'État' },
    { key: 'lastLoginAt', header: 'Dernière connexion', sortable: true },
    { key: 'actions', header: 'Actions', hiddenHeader: true },
  ];
  protected readonly inactiveRow = (user: UserAccount) => (user.isActive ? null : 'row--muted');

  protected readonly list = urlListState(USER_LIST, { search: 'q' });
  protected readonly filters = selectFilters(USER_LIST, {
    role: { label: 'Rôle', all: 'Tous les rôles', labels: ROLE_LABELS },
    active: { label: 'État', all: 'Tous les comptes', labels: { true: 'Actifs', false: 'Désactivés' } },
  });
  protected readonly countWords = {
    none: 'Aucun compte trouvé.',
    one: '1 compte trouvé.',
    many: '{n} comptes trouvés.',
  };
  protected readonly users = httpResource<Page<UserAccount>>(() => this.list.request(USERS_URL));
  /** The actions on a row: pending, 409 « modifié entre-temps », messages. */
  protected readonly action = actionSubmission({ conflictMessage: CONFLICT_MESSAGE });
  protected readonly busyId = signal<string | null>(null);

  protected openCreate(): void {
    this.action.clear();
    const ref = this.dialog.open(UserCreateDialog, {
      data: { departementCode: this.auth.user()?.departementCode ?? null },
      width: '560px',
      autoFocus: 'first-tabbable',
    });
    ref.afterClosed().subscribe((created: UserAccount | undefined) => {
      if (!created) return;
      this.notifications.done(`Le compte de ${created.displayName} a été créé.`);
      this.users.reload();
    });
  }

  /** The row's menu: the role, then deactivate (not one's own account) or reactivate. */
  protected rowActions(user: UserAccount): RowAction<'role' | 'deactivate' | 'reactivate'>[] {
    return [
      { key: 'role', label: 'Changer le rôle', icon: 'swap_horiz' },
      user.isActive
        ? { key: 'deactivate', label: 'Désactiver le compte', icon: 'block', disabled: this.isSelf(user) }
        : { key: 'reactivate', label: 'Réactiver le compte', icon: 'check_circle' },
    ];
  }

  protected onRowAction(user: UserAccount, key: 'role' | 'deactivate' | 'reactivate'): void {
    if (key === 'role') this.openRole(user);
    else void this.setActive(user, key === 'reactivate');
  }

  protected openRole(user: UserAccount): void {
    this.action.clear();
    const ref = this.dialog.open(UserRoleDialog, { data: user, width: '480px' });
    ref.afterClosed().subscribe((result: UserRoleDialogResult | undefined) => {
      if (result === 'conflict') this.action.conflict.set(CONFLICT_MESSAGE);
      if (result === 'saved') this.notifications.done('Rôle modifié.');
      if (result) this.users.reload();
    });
  }

  protected async setActive(user: UserAccount, active: boolean): Promise<void> {
    this.busyId.set(user.id);
    const done = active ? 'réactivé' : 'désactivé';
    const result = await this.action.run(() => this.api.setActive(user, active), {
      success: `Le compte de ${user.displayName} a été ${done}.`,
      onConflict: () => this.action.conflict.set(CONFLICT_MESSAGE),
    });
    this.busyId.set(null);
    if (result.ok || this.action.conflict()) this.users.reload();
  }

  protected isSelf(user: UserAccount): boolean {
    return user.id === this.auth.user()?.id;
  }
}
