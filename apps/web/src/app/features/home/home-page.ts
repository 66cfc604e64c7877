import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '@maillage/shared/domain';
import { AuthStore } from '../../core/auth/auth.store';
import { navigationFor } from '../../core/navigation/areas';
import { departementLabel } from '../../core/territory/departements';
import { TodoListCard } from '../tasks';

function greetingFor(hour: number): string {
  return hour >= 18 || hour < 5 ? 'Bonsoir' : 'Bonjour';
}

/** The landing page of each role: who you are here and where to go. */
@Component({
  selector: 'app-home-page',
  imports: [MatCardModule, MatIconModule, RouterLink, TodoListCard],
  templateUrl: './home-page.html',
  styleUrl: './home-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePage {
  private readonly auth = inject(AuthStore);

  protected readonly user = this.auth.user;
  protected readonly greeting = greetingFor(new Date().getHours());
  protected readonly roleLabel = computed(() => {
    const role = this.auth.role();
    return role ? ROLE_LABELS[role] : '';
  });
  protected readonly description = computed(() => {
    const role = this.auth.role();
    return role ? ROLE_DESCRIPTIONS[role] : '';
  });
  /** The home of those who do the tasks is first a to-do list. */
  protected readonly showTodo = computed(() => this.auth.can('tasks.write'));
  protected readonly departement = computed(() => departementLabel(this.user()?.departementCode ?? null));
  protected readonly areas = computed(() => {
    const role = this.auth.role();
    return role ? navigationFor(role).filter((area) => area.key !== 'home') : [];
  });
}
