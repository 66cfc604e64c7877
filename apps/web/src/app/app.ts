import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';

@Component({
  selector: 'app-root',
  imports: [RouterOutlet],
  template: `
    <a class="skip-link" href="#contenu" (click)="skipToContent($event)">Aller au contenu</a>
    <router-outlet />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  /** A fragment link would reload the page under `<base href="/">`: move the focus instead. */
  protected skipToContent(event: Event): void {
    const main = document.getElementById('contenu');
    if (!main) return;
    event.preventDefault();
    main.focus();
  }
}
