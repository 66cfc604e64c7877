import { escapeHtml, renderEmail } from './email-layout';
import { backoffSeconds } from './outbox.service';

describe('renderEmail', () => {
  const content = {
    subject: 'Nouveau signalement : <script>alert(1)</script>',
    heading: 'Titre « & »',
    paragraphs: ['Premier paragraphe avec <b>balise</b>.'],
    facts: [['Candidat', 'Dr "Zoé" O\'Brien\r\nBcc: pirate@example.com']] as [string, string][],
    sections: [
      {
        title: 'Liste',
        items: [{ text: 'Un élément', link: '/visites/1' }],
        more: { text: '… et 3 autres', link: '/visites' },
      },
      { title: 'Vide', items: [], empty: 'Rien.' },
    ],
    action: { label: 'Ouvrir', link: '/signalements/42?x=1&y="2"' },
    reason: 'Parce que.',
  };

  it('escapes every piece of text and every link in the HTML', () => {
    const { html } = renderEmail(content, 'https://maillage.example.fr');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>balise</b>');
    expect(html).toContain('&lt;b&gt;balise&lt;/b&gt;');
    expect(html).toContain('Dr &quot;Zoé&quot; O&#39;Brien Bcc: pirate@example.com');
    expect(html).toContain('href="https://maillage.example.fr/signalements/42?x=1&amp;y=&quot;2&quot;"');
    expect(html).toContain('href="https://maillage.example.fr/visites/1"');
    expect(html).toContain('<p style="margin:0 0 8px;color:#52606d">Rien.</p>');
    expect(html).toContain('href="https://maillage.example.fr/notifications/preferences"');
  });

  it('writes a plain-text twin with absolute links, and a subject on one line', () => {
    const { text, subject } = renderEmail(content, 'https://maillage.example.fr');
    expect(subject).toBe('[Maillage] Nouveau signalement : <script>alert(1)</script>');
    expect(text).toContain('Candidat : Dr "Zoé" O\'Brien Bcc: pirate@example.com');
    expect(text).toContain('- Un élément : https://maillage.example.fr/visites/1');
    expect(text).toContain('… et 3 autres : https://maillage.example.fr/visites');
    expect(text).toContain('Rien.');
    expect(text).toContain('Ouvrir : https://maillage.example.fr/signalements/42?x=1&y="2"');
    expect(renderEmail({ ...content, subject: 'a\r\nBcc: x@y.fr' }, 'http://h').subject).toBe(
      '[Maillage] a Bcc: x@y.fr',
    );
  });

  it.each([
    ['<>&"\'', '&lt;&gt;&amp;&quot;&#39;'],
    ['Hélène', 'Hélène'],
  ])('escapeHtml(%j) = %j', (input, output) => {
    expect(escapeHtml(input)).toBe(output);
  });
});

describe('backoffSeconds', () => {
  it.each([
    [60, 1, 60],
    [60, 2, 120],
    [60, 3, 240],
    [60, 10, 21_600],
    [1, 1, 1],
    [1, 3, 4],
  ])('first delay %ds, after attempt %d: %ds', (first, attempt, expected) => {
    expect(backoffSeconds(first, attempt)).toBe(expected);
  });
});
