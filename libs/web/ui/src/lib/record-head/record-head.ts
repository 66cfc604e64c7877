import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { LoadError } from '../load-error/load-error';

/**
 * The head of every detail page: the way back, the load state (progress, error with
 * « Réessayer », « Accès refusé », not found), then the title, the subtitle, the status badges
 * (`uiRecordBadges`) and the actions (`uiRecordActions`) once the record is read.
 */
@Component({
  selector: 'ui-record-head',
  imports: [LoadError, MatIconModule, MatProgressBarModule, RouterLink],
  template: `
    <nav class="back" aria-label="Fil d’Ariane">
      <a [routerLink]="backLink()"><mat-icon aria-hidden="true">arrow_back</mat-icon>{{ backLabel() }}</a>
    </nav>
    <ui-load-error [error]="shownError()" [notFound]="notFound()" [what]="what()" (retry)="onRetry()" />
    @if (shownLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="loadingLabel()" />
    }
    @if (heading(); as title) {
      <header class="page-header">
        <div class="head-text">
          <h1 class="page-title">{{ title }}</h1>
          @if (subtitle()) {
            <p class="page-lead">{{ subtitle() }}</p>
          }
          <div class="badges"><ng-content select="[uiRecordBadges]" /></div>
        </div>
        <div class="actions"><ng-content select="[uiRecordActions]" /></div>
      </header>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .back {
      margin-bottom: 8px;
    }
    .back a {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      font: var(--mat-sys-label-large);
      text-decoration: none;
    }
    .head-text {
      display: grid;
      gap: 4px;
    }
    .badges,
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .badges:empty,
    .actions:empty {
      display: none;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecordHead {
  readonly backLink = input.required<string | readonly (string | number)[]>();
  /** « Terrains de stage ». */
  readonly backLabel = input.required<string>();
  /** The record's title; nothing is shown below the back link until it is known. */
  readonly heading = input<string | null | undefined>(null);
  readonly subtitle = input<string | null | undefined>(null);
  readonly loading = input(false);
  readonly loadingLabel = input('Chargement');
  readonly error = input<unknown>(undefined);
  /** The sentence of a 404 (« Ce terrain est introuvable : il n’existe pas ou vous n’y avez pas accès. »). */
  readonly notFound = input<string | undefined>(undefined);
  /** What the page shows, for « Accès refusé » (« ce terrain de stage »). */
  readonly what = input<string | null>(null);
  /** The record's resource (`httpResource`): its load state and error, reloaded by « Réessayer ». */
  readonly resource = input<RecordResource | null>(null);
  /** The submission of the page's actions or form: its messages are cleared when the record is reloaded. */
  readonly submission = input<{ clear(): void } | null>(null);
  readonly retry = output<void>();

  /** The bar shows while the record is first read (not while it is read again behind the page). */
  protected readonly shownLoading = computed(() => {
    const resource = this.resource();
    return resource ? resource.isLoading() && !resource.hasValue() : this.loading();
  });
  protected readonly shownError = computed(() => this.resource()?.error() ?? this.error());

  protected onRetry(): void {
    reloadRecord(this.resource(), this.submission());
    this.retry.emit();
  }
}

/** What the head needs of a record's resource (`httpResource` fits). */
export interface RecordResource {
  isLoading(): boolean;
  hasValue(): boolean;
  error(): unknown;
  reload(): boolean;
}

/** Reads the record again, clearing the messages of the last submission. */
export function reloadRecord(resource: RecordResource | null, submission: { clear(): void } | null): void {
  submission?.clear();
  resource?.reload();
}
