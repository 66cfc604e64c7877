import { docxBytes, JPEG, odtBytes, OLE, pdfBytes, PNG, xlsxBytes, zipBytes } from '../../../test/document-fixtures';
import { contentMatches, ContentSniffer, signatureOf } from './content-sniffer';
import { claimedType, cleanFileName } from './version-writer';

function detect(bytes: Buffer, pieces = 3): ReturnType<ContentSniffer['detect']> {
  const sniffer = new ContentSniffer();
  const step = Math.ceil(bytes.length / pieces);
  for (let i = 0; i < bytes.length; i += step) sniffer.push(bytes.subarray(i, i + step));
  return sniffer.detect();
}

describe('ContentSniffer', () => {
  it.each([
    ['a PDF', pdfBytes(), 'pdf'],
    ['a PNG', PNG, 'png'],
    ['a JPEG', JPEG, 'jpeg'],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00'), 'gif'],
    ['a WebP', Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]), 'webp'],
    ['a Word document', docxBytes(), 'docx'],
    ['an OpenDocument text', odtBytes(), 'odt'],
    ['an Office 97-2003 file', OLE, 'ole'],
    ['a plain zip', zipBytes([['notes.txt', 'bonjour']]), null],
    ['text', Buffer.from('Bonjour, voici mon CV'), null],
    ['an HTML page', Buffer.from('<!doctype html><script>alert(1)</script>'), null],
    ['nothing', Buffer.alloc(0), null],
  ])('recognises %s', (_, bytes, expected) => {
    expect(detect(bytes)).toBe(expected);
  });

  it('recognises a spreadsheet written by exceljs (compressed entries, data descriptors)', async () => {
    expect(detect(await xlsxBytes(), 7)).toBe('xlsx');
  });

  it('reads the zip directory from the end of a large file', () => {
    const big = zipBytes([
      ['[Content_Types].xml', '<Types/>'],
      ['word/media/image1.png', 'x'.repeat(3 * 1024 * 1024)],
      ['word/document.xml', '<w:document/>'],
    ]);
    expect(detect(big, 50)).toBe('docx');
  });

  it('tells the family from the first bytes', () => {
    expect(signatureOf(pdfBytes())).toBe('pdf');
    expect(signatureOf(docxBytes())).toBe('zip');
    expect(signatureOf(Buffer.from('MZ\x90\x00'))).toBeNull();
  });

  it('accepts an Office 97-2003 file as any of its three types only', () => {
    expect(contentMatches('doc', 'ole')).toBe(true);
    expect(contentMatches('xls', 'ole')).toBe(true);
    expect(contentMatches('docx', 'ole')).toBe(false);
    expect(contentMatches('pdf', 'png')).toBe(false);
    expect(contentMatches('pdf', null)).toBe(false);
  });
});

describe('claimedType', () => {
  it.each([
    ['decision.pdf', 'application/pdf', 'pdf'],
    ['decision.pdf', 'application/octet-stream', 'pdf'],
    ['sans-extension', 'image/png', 'png'],
    ['convention.DOCX', '', 'docx'],
  ])('%s sent as %s claims %s', (name, mediaType, expected) => {
    expect(claimedType(name, mediaType)).toBe(expected);
  });

  it.each([
    ['notes.txt', 'text/plain', 'Type de fichier non accepté (« notes.txt »)'],
    ['page.html', 'application/octet-stream', 'Type de fichier non accepté'],
    [
      'decision.pdf',
      'image/png',
      'Le nom « decision.pdf » annonce un fichier PDF, mais il est déclaré comme Image PNG.',
    ],
  ])('refuses %s sent as %s', (name, mediaType, message) => {
    expect(() => claimedType(name, mediaType)).toThrow(message);
  });
});

describe('cleanFileName', () => {
  it('keeps the name, without path or control characters, 255 characters at most', () => {
    expect(cleanFileName('C:\\Users\\moi\\Décision « ARS » 2026.pdf')).toBe('Décision « ARS » 2026.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b\nc.pdf')).toBe('abc.pdf');
    const long = cleanFileName(`${'x'.repeat(400)}.pdf`);
    expect(long).toHaveLength(255);
    expect(long.endsWith('.pdf')).toBe(true);
  });
});
