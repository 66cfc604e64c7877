import { inject, Injectable } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { map, type Observable } from 'rxjs';
import { ConfirmDialog, type ConfirmOptions } from './confirm-dialog';

const SNACKBAR_MS = 5000;

/** The one way to confirm an action and to say that it is done. */
@Injectable({ providedIn: 'root' })
export class Notifications {
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  /** Emits once: `true` when the user confirms, `false` when they cancel or close the dialog. */
  confirm(options: ConfirmOptions): Observable<boolean> {
    const ref = this.dialog.open<ConfirmDialog, ConfirmOptions, boolean>(ConfirmDialog, {
      data: options,
      width: '440px',
      maxWidth: 'calc(100vw - 32px)',
    });
    return ref.afterClosed().pipe(map((confirmed) => confirmed === true));
  }

  /** A short message at the bottom of the screen (« Terrain archivé. »). */
  done(message: string): void {
    this.snackBar.open(message, 'Fermer', { duration: SNACKBAR_MS });
  }
}
