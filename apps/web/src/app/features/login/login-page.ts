import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { Router } from '@angular/router';
import { ROLE_LABELS } from '@maillage/shared/domain';
import { provideFormFieldDefaults, TextField } from '@maillage/web/ui';
import { errorMessages } from '@maillage/web/util';
import { catchError, map, of } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type HealthStatus } from './demo-accounts';

export const LOGIN_MESSAGES = {
  invalid: 'Adresse e-mail ou mot de passe incorrect.',
  tooMany: 'Trop de tentatives de connexion : réessayez dans une minute.',
} as const;

/** Only paths of this app: `//evil.example` or `https://…` would leave it. */
export function safeReturnUrl(value: string | null | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}

@Component({
  selector: 'app-login-page',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    ReactiveFormsModule,
    TextField,
  ],
  providers: [provideFormFieldDefaults()],
  templateUrl: './login-page.html',
  styleUrl: './login-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);

  /** `?retour=` query parameter, bound by the router. */
  readonly retour = input<string | undefined>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly demoPassword = DEMO_PASSWORD;
  protected readonly demoAccounts = toSignal(
    inject(HttpClient)
      .get<HealthStatus>('/api/health')
      .pipe(
        map((health) => (health.demo === true ? DEMO_ACCOUNTS : [])),
        catchError(() => of([])),
      ),
    { initialValue: [] },
  );

  protected useDemoAccount(email: string): void {
    this.form.setValue({ email, password: DEMO_PASSWORD });
    this.error.set(null);
  }

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    this.error.set(null);
    try {
      await this.auth.login(this.form.getRawValue());
      await this.router.navigateByUrl(safeReturnUrl(this.retour()));
    } catch (error) {
      this.error.set(this.messageFor(error));
      this.form.controls.password.reset();
    } finally {
      this.pending.set(false);
    }
  }

  private messageFor(error: unknown): string {
    if (error instanceof HttpErrorResponse && error.status === 401) return LOGIN_MESSAGES.invalid;
    if (error instanceof HttpErrorResponse && error.status === 429) return LOGIN_MESSAGES.tooMany;
    return errorMessages(error).join(' ');
  }
}
