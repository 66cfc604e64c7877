import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { frenchNumber } from '@maillage/web/util';

let nextId = 0;

/** « 1,2 Mo », « 830 ko ». */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${frenchNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} Mo`;
  return `${frenchNumber(Math.max(1, Math.round(bytes / 1024)))} ko`;
}

/**
 * Choosing one file to send: a button that opens the file chooser, then the name and size of the
 * file chosen (read aloud with the button). `[(file)]` holds the choice.
 */
@Component({
  selector: 'ui-file-field',
  imports: [MatButtonModule, MatIconModule],
  template: `
    <input
      #chooser
      type="file"
      class="visually-hidden"
      tabindex="-1"
      aria-hidden="true"
      [accept]="accept()"
      (change)="onChange(chooser)"
    />
    <button
      mat-stroked-button
      type="button"
      [disabled]="disabled()"
      [attr.aria-describedby]="error() ? chosenId + ' ' + errorId : chosenId"
      (click)="chooser.click()"
    >
      <mat-icon aria-hidden="true">upload_file</mat-icon>
      {{ label() }}
    </button>
    <span class="chosen" [id]="chosenId">
      @if (file(); as chosen) {
        {{ chosen.name }} ({{ size(chosen.size) }})
      } @else {
        Aucun fichier choisi.
      }
    </span>
    @if (hint()) {
      <span class="hint">{{ hint() }}</span>
    }
    @if (error()) {
      <p class="field-error" role="alert" [id]="errorId">{{ error() }}</p>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 12px;
    }
    .chosen {
      overflow-wrap: anywhere;
    }
    .hint,
    .field-error {
      flex-basis: 100%;
      margin: 0;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FileField {
  /** « Choisir le fichier ». */
  readonly label = input('Choisir un fichier');
  /** The file types offered first by the chooser (`.csv,.xlsx`); the API checks the bytes anyway. */
  readonly accept = input('');
  readonly hint = input('');
  readonly disabled = input(false);
  /** The field's error (a file refused by the API, none chosen): shown under it and read with the button. */
  readonly error = input('');
  readonly file = model<File | null>(null);
  private readonly id = nextId++;
  protected readonly chosenId = `ui-file-field-${this.id}`;
  protected readonly errorId = `ui-file-field-${this.id}-error`;
  protected readonly size = fileSize;

  protected onChange(chooser: HTMLInputElement): void {
    this.file.set(chooser.files?.[0] ?? null);
    // The same file chosen again (after a fix on disk) must fire again.
    chooser.value = '';
  }
}
