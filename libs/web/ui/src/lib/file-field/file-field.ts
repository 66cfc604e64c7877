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
      [attr.aria-describedby]="chosenId"
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
    .hint {
      flex-basis: 100%;
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
  readonly file = model<File | null>(null);
  protected readonly chosenId = `ui-file-field-${nextId++}`;
  protected readonly size = fileSize;

  protected onChange(chooser: HTMLInputElement): void {
    this.file.set(chooser.files?.[0] ?? null);
    // The same file chosen again (after a fix on disk) must fire again.
    chooser.value = '';
  }
}
