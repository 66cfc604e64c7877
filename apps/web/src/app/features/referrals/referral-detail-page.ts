import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import {
  type CandidateReferralView,
  isReferralClosed,
  type Page,
  PEOPLE_AUDIT_ENTITY_TYPES,
  professionalDisplayName,
  type ReferralFollowUpView,
} from '@maillage/shared/domain';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { errorMessages, httpStatus } from '../../core/http/api-error';
import { HistoryTimeline } from '../../shared/history-timeline/history-timeline';
import { CommuneNames } from './commune-names';
import { ReferralPriorityBadge, ReferralStatusBadge } from './referral-badges';
import { ReferralCloseDialog, type ReferralCloseResult } from './referral-close-dialog';
import { ReferralsApi, referralUrl } from './referrals-api';

const CHANGED_MEANWHILE = 'Ce signalement a été modifié entre-temps : il a été rechargé, vérifiez puis recommencez.';

/** `/signalements/:id`: a referral, its outcome; for the mission officer, assignment, follow-ups and closing. */
@Component({
  selector: 'app-referral-detail-page',
  imports: [
    DatePipe,
    HistoryTimeline,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    ReactiveFormsModule,
    ReferralPriorityBadge,
    ReferralStatusBadge,
    RouterLink,
  ],
  templateUrl: './referral-detail-page.html',
  styleUrl: './referral-detail-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralDetailPage {
  private readonly api = inject(ReferralsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly auth = inject(AuthStore);
  protected readonly communes = inject(CommuneNames);

  /** Route parameter, bound by the router. */
  readonly id = input.required<string>();

  protected readonly auditType = PEOPLE_AUDIT_ENTITY_TYPES.referral;
  protected readonly handler = computed(() => this.auth.hasRole('mission_officer', 'admin'));
  protected readonly me = this.auth.user;

  protected readonly referral = httpResource<CandidateReferralView>(() => referralUrl(this.id()));
  /** The mission officer's working notes: not for the CDOM. */
  protected readonly followUps = httpResource<Page<ReferralFollowUpView>>(() =>
    this.handler() ? { url: `${referralUrl(this.id())}/follow-ups`, params: { page: 1, pageSize: 100 } } : undefined,
  );

  protected readonly r = computed(() => (this.referral.hasValue() ? this.referral.value() : undefined));
  protected readonly name = computed(() => {
    const r = this.r();
    return r ? professionalDisplayName(r) : '';
  });
  protected readonly open = computed(() => {
    const r = this.r();
    return r !== undefined && !isReferralClosed(r.status);
  });
  protected readonly assignedToMe = computed(() => this.r()?.assignedTo?.id === this.me()?.id);
  protected readonly loadError = computed(() => {
    const error = this.referral.error();
    if (!error) return null;
    return httpStatus(error) === 404
      ? 'Ce signalement est introuvable : il n’existe pas ou vous n’y avez pas accès.'
      : errorMessages(error).join(' ');
  });

  protected readonly note = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.minLength(2), Validators.maxLength(2000)],
  });
  protected readonly notice = signal<string | null>(null);
  protected readonly busy = signal(false);

  protected async assignToMe(): Promise<void> {
    const referral = this.r();
    const me = this.me();
    if (!referral || !me || this.busy()) return;
    await this.run(async () => {
      await firstValueFrom(this.api.assign(referral, me.id));
      this.snackBar.open('Le signalement vous est attribué.', 'Fermer', { duration: 5000 });
    });
  }

  protected async addFollowUp(): Promise<void> {
    const referral = this.r();
    if (!referral || this.busy()) return;
    if (this.note.invalid || this.note.value.trim().length < 2) {
      this.note.markAsTouched();
      return;
    }
    await this.run(async () => {
      await firstValueFrom(this.api.followUp(referral.id, this.note.value.trim()));
      this.note.reset();
      this.snackBar.open('Suivi ajouté.', 'Fermer', { duration: 5000 });
      this.followUps.reload();
    });
  }

  protected openClose(): void {
    const referral = this.r();
    if (!referral) return;
    this.notice.set(null);
    this.dialog
      .open<ReferralCloseDialog, CandidateReferralView, ReferralCloseResult>(ReferralCloseDialog, {
        data: referral,
        width: '560px',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        if (result.kind === 'refused') this.notice.set(result.message || CHANGED_MEANWHILE);
        else this.snackBar.open('Signalement clos.', 'Fermer', { duration: 5000 });
        this.referral.reload();
      });
  }

  private async run(action: () => Promise<void>): Promise<void> {
    this.notice.set(null);
    this.busy.set(true);
    try {
      await action();
    } catch (error) {
      // 409: changed meanwhile or already closed; the API says which, the record is reloaded below.
      this.notice.set(errorMessages(error).join(' '));
    } finally {
      this.busy.set(false);
      this.referral.reload();
    }
  }
}
