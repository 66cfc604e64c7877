import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { type ProfessionalSiteLink, SITE_ROLE_LABELS } from '@maillage/shared/domain';
import { RowMenu } from '@maillage/web/ui';
import { AuthStore } from '../../core/auth/auth.store';
import { SiteLinkDialog, type SiteLinkDialogData } from './site-link-dialog';
import { SITE_LINKS_URL } from './site-links-api';

type LinkAction = 'edit' | 'end';

/**
 * Where a professional practises (on their page) or who practises at a site (on its page):
 * current links with role and start, « Rattacher », edit, end; ended links as history.
 */
@Component({
  selector: 'app-site-links-card',
  imports: [DatePipe, MatButtonModule, MatCardModule, MatIconModule, RouterLink, RowMenu],
  template: `
    <mat-card appearance="outlined">
      <mat-card-header>
        <h2 mat-card-title>{{ site() ? 'Professionnels rattachés' : 'Terrains d’exercice' }}</h2>
      </mat-card-header>
      <mat-card-content>
        @if (links.error()) {
          <p class="muted" role="alert">Les rattachements n’ont pas pu être chargés.</p>
        } @else {
          <ul class="plain-list" [attr.aria-label]="site() ? 'Professionnels rattachés' : 'Terrains d’exercice'">
            @for (l of current(); track l.id) {
              <li class="link">
                <span class="who">
                  @if (site()) {
                    <a [routerLink]="['/professionnels', l.professional.id]">{{ l.professional.name }}</a>
                  } @else {
                    <a [routerLink]="['/terrains', l.site.id]">{{ l.site.name }}</a>
                    <span class="muted"> · {{ l.site.communeName }}</span>
                  }
                </span>
                <span class="muted"
                  >{{ roleOf(l) }}{{ l.startDate ? ', depuis le ' + (l.startDate | date: 'dd/MM/yyyy') : '' }}</span
                >
                @if (canEdit() && !archived()) {
                  <ui-row-menu
                    [label]="'Actions pour le rattachement ' + l.professional.name + ' – ' + l.site.name"
                    [actions]="actions"
                    (chosen)="open($event, l)"
                  />
                }
              </li>
            } @empty {
              <li class="muted">
                {{
                  links.isLoading()
                    ? 'Chargement…'
                    : site()
                      ? 'Aucun professionnel rattaché.'
                      : 'Aucun terrain rattaché.'
                }}
              </li>
            }
          </ul>
          @if (ended().length > 0) {
            <h3 class="subtitle">Rattachements terminés</h3>
            <ul class="plain-list" aria-label="Rattachements terminés">
              @for (l of ended(); track l.id) {
                <li class="link">
                  <span class="who">{{ site() ? l.professional.name : l.site.name }}</span>
                  <span class="muted"
                    >{{ roleOf(l) }}, {{ l.startDate ? 'du ' + (l.startDate | date: 'dd/MM/yyyy') + ' ' : '' }}au
                    {{ l.endDate | date: 'dd/MM/yyyy' }}</span
                  >
                </li>
              }
            </ul>
          }
        }
      </mat-card-content>
      @if (canEdit() && !archived()) {
        <mat-card-actions>
          <button mat-button type="button" (click)="link()">
            <mat-icon aria-hidden="true">link</mat-icon
            >{{ site() ? 'Rattacher un professionnel' : 'Rattacher à un terrain' }}
          </button>
        </mat-card-actions>
      }
    </mat-card>
  `,
  styles: `
    :host {
      display: block;
    }
    .link {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
    }
    .who {
      flex: 1 1 12rem;
    }
    .subtitle {
      margin: 16px 0 4px;
      font: var(--mat-sys-title-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SiteLinksCard {
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);

  /** Give one: the professional (their sites) or the site (its professionals). */
  readonly professional = input<{ id: string; name: string } | null>(null);
  readonly site = input<{ id: string; name: string } | null>(null);
  readonly archived = input(false);

  protected readonly actions = [
    { key: 'edit' as const, label: 'Modifier le rôle ou le début', icon: 'edit' },
    { key: 'end' as const, label: 'Terminer le rattachement', icon: 'link_off' },
  ];
  protected readonly canEdit = computed(() => this.auth.can('professionals.write'));
  protected readonly links = httpResource<{ items: ProfessionalSiteLink[] }>(() => {
    const site = this.site();
    const professional = this.professional();
    if (!site && !professional) return undefined;
    const params: Record<string, string> = site
      ? { site: site.id }
      : { professional: (professional as { id: string }).id };
    return { url: SITE_LINKS_URL, params };
  });
  private readonly items = computed(() => (this.links.hasValue() ? this.links.value().items : []));
  protected readonly current = computed(() => this.items().filter((l) => l.current));
  protected readonly ended = computed(() => this.items().filter((l) => !l.current));

  protected roleOf(l: ProfessionalSiteLink): string {
    return l.role ? SITE_ROLE_LABELS[l.role] : 'Rôle non précisé';
  }

  protected link(): void {
    const site = this.site();
    const professional = this.professional();
    const data: SiteLinkDialogData = site
      ? { mode: 'link', site }
      : { mode: 'link', professional: professional as { id: string; name: string } };
    this.openDialog(data);
  }

  protected open(action: LinkAction, link: ProfessionalSiteLink): void {
    this.openDialog({ mode: action, link });
  }

  private openDialog(data: SiteLinkDialogData): void {
    this.dialog
      .open(SiteLinkDialog, { data, width: '520px', autoFocus: 'first-tabbable' })
      .afterClosed()
      .subscribe((saved) => {
        if (saved) this.links.reload();
      });
  }
}
