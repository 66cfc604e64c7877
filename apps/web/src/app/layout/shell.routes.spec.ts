import {
  ChangeDetectionStrategy,
  Component,
  createEnvironmentInjector,
  EnvironmentInjector,
  inject,
} from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { DateAdapter } from '@angular/material/core';
import { MAT_DIALOG_DATA, MatDialog } from '@angular/material/dialog';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS } from '@angular/material/form-field';
import { provideRouter } from '@angular/router';
import { FORM_FIELD_DEFAULTS, FrenchDateAdapter } from '@maillage/web/ui';
import { shellRoutes } from './shell.routes';

/** What a dialog's content sees of Material's settings. */
@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class ProbeDialog {
  readonly data = inject(MAT_DIALOG_DATA, { optional: true });
  readonly dates = inject(DateAdapter, { optional: true });
  readonly fields = inject(MAT_FORM_FIELD_DEFAULT_OPTIONS, { optional: true });
}

describe('shell routes: Material settings for every screen and dialog', () => {
  /** The environment injector the router builds for the shell route. */
  function shellInjector(): EnvironmentInjector {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    return createEnvironmentInjector(shellRoutes[0].providers ?? [], TestBed.inject(EnvironmentInjector));
  }

  it('gives the screens French dates and outlined fields (the root does not: the first page stays light)', () => {
    const injector = shellInjector();
    expect(injector.get(DateAdapter)).toBeInstanceOf(FrenchDateAdapter);
    expect(injector.get(MAT_FORM_FIELD_DEFAULT_OPTIONS)).toEqual(FORM_FIELD_DEFAULTS);
    expect(TestBed.inject(DateAdapter, null, { optional: true })).toBeNull();
  });

  it('gives them to dialogs opened from a screen, too', () => {
    const injector = shellInjector();
    const dialog = injector.get(MatDialog).open(ProbeDialog, { data: 'probe' });
    const probe = dialog.componentInstance;
    expect(probe.data).toBe('probe');
    expect(probe.dates).toBeInstanceOf(FrenchDateAdapter);
    expect(probe.fields).toEqual(FORM_FIELD_DEFAULTS);
    dialog.close();
  });
});
