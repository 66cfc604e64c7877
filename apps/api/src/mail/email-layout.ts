/** A line of a list: its text and, optionally, a route of the dashboard. */
export interface EmailItem {
  text: string;
  link?: string;
}

export interface EmailSection {
  title: string;
  items: EmailItem[];
  /** Shown when nothing is listed. */
  empty?: string;
  /** « et 12 autres » with a link to the full list. */
  more?: EmailItem;
}

/** What an e-mail says, before it is rendered as plain text and HTML. */
export interface EmailContent {
  subject: string;
  heading: string;
  paragraphs: string[];
  /** Label → value lines (« Priorité : Haute »). */
  facts?: [string, string][];
  sections?: EmailSection[];
  /** The main link into the dashboard (a route such as `/signalements/<id>`). */
  action: { label: string; link: string };
  /** Why the recipient gets it; the footer adds where to change it. */
  reason: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** One line, no control characters (a subject or a list item can come from user input). */
function oneLine(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

const PREFERENCES_ROUTE = '/notifications/preferences';

/**
 * Renders an e-mail as plain text and as HTML with inline styles (what mail clients keep).
 * Every piece of text is escaped; links are `appUrl` + a route of the dashboard.
 */
export function renderEmail(content: EmailContent, appUrl: string): RenderedEmail {
  const url = (route: string) => `${appUrl}${route.startsWith('/') ? route : `/${route}`}`;
  const subject = oneLine(`[Maillage] ${content.subject}`).slice(0, 250);

  const text: string[] = [content.heading, '', ...content.paragraphs.flatMap((p) => [p, ''])];
  for (const [label, value] of content.facts ?? []) text.push(`${label} : ${oneLine(value)}`);
  if (content.facts?.length) text.push('');
  for (const section of content.sections ?? []) {
    text.push(section.title, '-'.repeat(Math.min(section.title.length, 60)));
    if (section.items.length === 0 && section.empty) text.push(section.empty);
    for (const item of section.items) text.push(`- ${oneLine(item.text)}${item.link ? ` : ${url(item.link)}` : ''}`);
    if (section.more) text.push(`${section.more.text}${section.more.link ? ` : ${url(section.more.link)}` : ''}`);
    text.push('');
  }
  text.push(`${content.action.label} : ${url(content.action.link)}`, '', '--', content.reason);
  text.push(`Choisir les notifications reçues par e-mail : ${url(PREFERENCES_ROUTE)}`);

  const a = (href: string, label: string) =>
    `<a href="${escapeHtml(url(href))}" style="color:#1b5e9e">${escapeHtml(label)}</a>`;
  const html: string[] = [
    '<!doctype html>',
    '<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#f4f6f8;font-family:Arial,Helvetica,sans-serif;color:#1f2933">',
    '<div style="max-width:640px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">',
    `<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(content.heading)}</h1>`,
    ...content.paragraphs.map((p) => `<p style="margin:0 0 12px;line-height:1.5">${escapeHtml(p)}</p>`),
  ];
  if (content.facts?.length) {
    html.push('<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">');
    for (const [label, value] of content.facts) {
      html.push(
        `<tr><th scope="row" style="text-align:left;padding:2px 12px 2px 0;font-weight:600">${escapeHtml(label)}</th>` +
          `<td style="padding:2px 0">${escapeHtml(oneLine(value))}</td></tr>`,
      );
    }
    html.push('</table>');
  }
  for (const section of content.sections ?? []) {
    html.push(`<h2 style="font-size:16px;margin:20px 0 8px">${escapeHtml(section.title)}</h2>`);
    if (section.items.length === 0 && section.empty) {
      html.push(`<p style="margin:0 0 8px;color:#52606d">${escapeHtml(section.empty)}</p>`);
    }
    if (section.items.length > 0) {
      html.push('<ul style="margin:0 0 8px;padding-left:20px;line-height:1.5">');
      for (const item of section.items) {
        html.push(`<li>${item.link ? a(item.link, oneLine(item.text)) : escapeHtml(oneLine(item.text))}</li>`);
      }
      html.push('</ul>');
    }
    if (section.more) {
      html.push(
        `<p style="margin:0 0 8px">${section.more.link ? a(section.more.link, section.more.text) : escapeHtml(section.more.text)}</p>`,
      );
    }
  }
  html.push(
    `<p style="margin:24px 0"><a href="${escapeHtml(url(content.action.link))}" ` +
      'style="background:#1b5e9e;color:#ffffff;padding:10px 16px;border-radius:4px;text-decoration:none;display:inline-block">' +
      `${escapeHtml(content.action.label)}</a></p>`,
    `<p style="margin:24px 0 0;font-size:12px;color:#52606d">${escapeHtml(content.reason)} ` +
      `${a(PREFERENCES_ROUTE, 'Choisir les notifications reçues par e-mail')}.</p>`,
    '</div></body></html>',
  );
  return { subject, text: text.join('\n'), html: html.join('\n') };
}
