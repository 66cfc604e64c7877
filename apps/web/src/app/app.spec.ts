import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { App } from './app';

@Component({
  template: '<main id="contenu" tabindex="-1">Contenu</main>',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class PageStub {}

describe('App', () => {
  it('offers a skip link that moves the focus to the main content', async () => {
    TestBed.configureTestingModule({
      imports: [App],
      providers: [provideRouter([{ path: '**', component: PageStub }])],
    });
    const fixture = TestBed.createComponent(App);
    await TestBed.inject(Router).navigateByUrl('/');
    await fixture.whenStable();
    fixture.detectChanges();

    const skip = fixture.nativeElement.querySelector('a.skip-link') as HTMLAnchorElement;
    expect(skip.textContent?.trim()).toBe('Aller au contenu');
    skip.click();
    expect(document.activeElement?.id).toBe('contenu');
  });
});
