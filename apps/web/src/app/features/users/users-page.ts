import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { type Page, PAGE_SIZE_DEFAULT, type Role, ROLE_LABELS, ROLES, type UserAccount } from '@maillage/shared/domain';
import { debounceTime, distinctUntilChanged, firstValueFrom } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { errorMessages, httpStatus } from '../../core/http/api-error';
import { departementLabel } from '../../core/territory/departements';
import { CONFLICT_MESSAGE, UserCreateDialog } from './user-create-dialog';
import { UserRoleDialog, type UserRoleDialogResult } from './user-role-dialog';
import { type UserQuery, UsersApi, usersRequest } from './users-api';

@Component({
  selector: 'app-users-page',
  imports: [
    DatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatMenuModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
  ],
  templateUrl: './users-page.html',
  styleUrl: './users-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPage {
  private readonly api = inject(UsersApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly auth = inject(AuthStore);

  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly departementLabel = departementLabel;
  protected readonly columns = [
    'displayName',
    'email',
    'role',
    'departementCode',
    'isActive',
    'lastLoginAt',
    'actions',
  ];

  protected readonly search = signal('');
  private readonly q = toSignal(toObservable(this.search).pipe(debounceTime(300), distinctUntilChanged()), {
    initialValue: '',
  });
  protected readonly role = signal<Role | ''>('');
  protected readonly active = signal<'true' | 'false' | ''>('');
  protected readonly sort = signal<Sort>({ active: 'email', direction: 'asc' });
  protected readonly pageSize = signal(PAGE_SIZE_DEFAULT);
  /** Back to the first page whenever a filter or the order changes. */
  protected readonly pageIndex = linkedSignal({
    source: () => [this.q(), this.role(), this.active(), this.sort(), this.pageSize()],
    computation: () => 0,
  });

  private readonly query = computed<UserQuery>(() => {
    const sort = this.sort();
    return {
      page: this.pageIndex() + 1,
      pageSize: this.pageSize(),
      sort: sort.direction ? `${sort.active}:${sort.direction}` : 'email:asc',
      q: this.q(),
      role: this.role(),
      active: this.active(),
    };
  });
  protected readonly users = httpResource<Page<UserAccount>>(() => usersRequest(this.query()));
  /** The last page received, kept on screen while the next one loads. */
  protected readonly page = linkedSignal<Page<UserAccount> | undefined, Page<UserAccount> | undefined>({
    source: () => (this.users.hasValue() ? this.users.value() : undefined),
    computation: (next, previous) => next ?? previous?.value,
  });
  protected readonly loadError = computed(() => {
    const error = this.users.error();
    return error ? errorMessages(error).join(' ') : null;
  });
  /** Outcome of the last action on a row, kept until the next one. */
  protected readonly notice = signal<string | null>(null);
  protected readonly busyId = signal<string | null>(null);

  protected onPage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }

  protected openCreate(): void {
    this.notice.set(null);
    const ref = this.dialog.open(UserCreateDialog, {
      data: { departementCode: this.auth.user()?.departementCode ?? null },
      width: '560px',
      autoFocus: 'first-tabbable',
    });
    ref.afterClosed().subscribe((created: UserAccount | undefined) => {
      if (!created) return;
      this.snackBar.open(`Le compte de ${created.displayName} a été créé.`, 'Fermer', { duration: 6000 });
      this.users.reload();
    });
  }

  protected openRole(user: UserAccount): void {
    this.notice.set(null);
    const ref = this.dialog.open(UserRoleDialog, { data: user, width: '480px' });
    ref.afterClosed().subscribe((result: UserRoleDialogResult | undefined) => {
      if (result === 'conflict') this.notice.set(CONFLICT_MESSAGE);
      if (result === 'saved') this.snackBar.open('Rôle modifié.', 'Fermer', { duration: 5000 });
      if (result) this.users.reload();
    });
  }

  protected async setActive(user: UserAccount, active: boolean): Promise<void> {
    this.notice.set(null);
    this.busyId.set(user.id);
    try {
      await firstValueFrom(this.api.setActive(user, active));
      const done = active ? 'réactivé' : 'désactivé';
      this.snackBar.open(`Le compte de ${user.displayName} a été ${done}.`, 'Fermer', { duration: 5000 });
      this.users.reload();
    } catch (error) {
      this.notice.set(httpStatus(error) === 409 ? CONFLICT_MESSAGE : errorMessages(error).join(' '));
      if (httpStatus(error) === 409) this.users.reload();
    } finally {
      this.busyId.set(null);
    }
  }

  protected roleLabel(role: Role): string {
    return ROLE_LABELS[role];
  }

  protected isSelf(user: UserAccount): boolean {
    return user.id === this.auth.user()?.id;
  }
}
