import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import type { AllowanceEligibility, SiteAllowances } from '@maillage/shared/domain';
import { euros } from '@maillage/web/util';

interface AllowanceLine {
  key: string;
  label: string;
  eligibility: AllowanceEligibility;
  verdict: string;
}

/** The allowances an intern placed at the site may claim: eligible or not, how much, and why. */
@Component({
  selector: 'app-site-allowances-card',
  imports: [MatCardModule, MatIconModule],
  template: `
    <mat-card appearance="outlined">
      <mat-card-header><h2 mat-card-title>Indemnités de l’interne</h2></mat-card-header>
      <mat-card-content>
        <ul class="allowances icon-list" aria-label="Indemnités de l’interne">
          @for (line of lines(); track line.key) {
            <li [class.eligible]="line.eligibility.eligible">
              <mat-icon aria-hidden="true">{{
                line.eligibility.eligible ? 'check_circle' : 'do_not_disturb_on'
              }}</mat-icon>
              <div>
                <strong>{{ line.label }} : {{ line.verdict }}</strong>
                <span class="reason">{{ line.eligibility.reason }}</span>
              </div>
            </li>
          }
        </ul>
        <p class="muted note">Barème du Département ; le domicile de l’interne est vérifié à sa demande.</p>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    :host {
      display: block;
    }
    mat-card {
      height: 100%;
    }
    .allowances li.eligible mat-icon {
      color: var(--mat-sys-primary);
    }
    .reason {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .note {
      margin: 8px 0 0;
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SiteAllowancesCard {
  readonly allowances = input.required<SiteAllowances>();

  protected readonly lines = computed<AllowanceLine[]>(() => {
    const a = this.allowances();
    const verdict = (e: AllowanceEligibility) =>
      e.eligible ? `éligible, ${euros(e.monthlyAmount)} par mois` : 'non éligible';
    return [
      { key: 'transport', label: 'Indemnité de transport', eligibility: a.transport, verdict: verdict(a.transport) },
      { key: 'housing', label: 'Indemnité d’hébergement', eligibility: a.housing, verdict: verdict(a.housing) },
    ];
  });
}
