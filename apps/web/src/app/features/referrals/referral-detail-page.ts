import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { MatDialog } from '@angular/material/dialog';
import {
  type CandidateReferralView,
  isReferralClosed,
  type Page,
  PEOPLE_AUDIT_ENTITY_TYPES,
  professionalDisplayName,
  type ReferralFollowUpView,
} from '@maillage/shared/domain';
import { FORM_FIELDS, Notifications, RECORD_PAGE } from '@maillage/web/ui';
import { actionSubmission, formSubmission, trimmedMinLength } from '@maillage/web/util';
import { AuthStore } from '../../core/auth/auth.store';
import { DocumentsCard } from '../../shared/documents/documents-card';
import { HistoryTimeline } from '../../shared/history-timeline/history-timeline';
import { CommuneNames } from '../../shared/territory/commune-names';
import { priorityBadge, referralStatusBadge } from './referral-badges';
import { ReferralCloseDialog, type ReferralCloseResult } from './referral-close-dialog';
import { ReferralsApi, referralUrl } from './referrals-api';

const CHANGED_MEANWHILE = 'Ce signalement a été modifié entre-temps : il a été rechargé, vérifiez puis recommencez.';

/** `/signalements/:id`: a referral, its outcome; for the mission officer, assignment, follow-ups and closing. */
@Component({
  selector: 'app-referral-detail-page',
  imports: [RECORD_PAGE, DocumentsCard, FORM_FIELDS, HistoryTimeline],
  templateUrl: './referral-detail-page.html',
  styleUrl: './referral-detail-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralDetailPage {
  private readonly api = inject(ReferralsApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifications = inject(Notifications);
  private readonly auth = inject(AuthStore);
  protected readonly communes = inject(CommuneNames);

  /** Route parameter, bound by the router. */
  readonly id = input.required<string>();

  protected readonly auditType = PEOPLE_AUDIT_ENTITY_TYPES.referral;
  protected readonly handler = computed(() => this.auth.can('referrals.handle'));
  /** The mission officer's working notes: not for the CDOM. */
  protected readonly readsFollowUps = computed(() => this.auth.can('referrals.readFollowUps'));
  protected readonly statusBadge = referralStatusBadge;
  protected readonly priorityBadge = priorityBadge;
  protected readonly me = this.auth.user;

  protected readonly referral = httpResource<CandidateReferralView>(() => referralUrl(this.id()));
  /** The mission officer's working notes: not for the CDOM. */
  protected readonly followUps = httpResource<Page<ReferralFollowUpView>>(() =>
    this.readsFollowUps()
      ? { url: `${referralUrl(this.id())}/follow-ups`, params: { page: 1, pageSize: 100 } }
      : undefined,
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

  protected readonly note = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, trimmedMinLength(2), Validators.maxLength(2000)],
  });
  /** « Ajouter le suivi »: `[formGroup]` on the `<form>` is what makes it submit instead of reloading the page. */
  protected readonly followUpForm = new FormGroup({ note: this.note });
  protected readonly followUp = formSubmission(this.followUpForm, { invalidMessage: null });
  protected readonly noteError = 'Écrivez le suivi (2 caractères au moins).';
  /** Assign and close: pending, messages (the API says why a 409 refused it; the record is reloaded). */
  protected readonly action = actionSubmission();

  protected async assignToMe(): Promise<void> {
    const referral = this.r();
    const me = this.me();
    if (!referral || !me) return;
    await this.action.run(() => this.api.assign(referral, me.id), {
      success: 'Le signalement vous est attribué.',
      // 409: changed meanwhile or already closed; the API says which, the record is reloaded below.
      onRefused: (message) => this.action.messages.set([{ text: message }]),
    });
    this.referral.reload();
  }

  protected async addFollowUp(): Promise<void> {
    const referral = this.r();
    if (!referral) return;
    const added = await this.followUp.submit(() => this.api.followUp(referral.id, this.note.value.trim()), {
      success: 'Suivi ajouté.',
    });
    if (!added.ok) return;
    this.followUpForm.reset();
    this.followUps.reload();
    this.referral.reload();
  }

  protected openClose(): void {
    const referral = this.r();
    if (!referral) return;
    this.action.clear();
    this.dialog
      .open<ReferralCloseDialog, CandidateReferralView, ReferralCloseResult>(ReferralCloseDialog, {
        data: referral,
        width: '560px',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        if (result.kind === 'refused') this.action.messages.set([{ text: result.message || CHANGED_MEANWHILE }]);
        else this.notifications.done('Signalement clos.');
        this.referral.reload();
      });
  }
}
