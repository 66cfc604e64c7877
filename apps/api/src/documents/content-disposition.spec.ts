import { attachmentDisposition } from './content-disposition';

describe('attachmentDisposition', () => {
  it.each([
    ['decision.pdf', `attachment; filename="decision.pdf"; filename*=UTF-8''decision.pdf`],
    [
      'Décision ARS « signée ».pdf',
      `attachment; filename="Decision ARS _ signee _.pdf"; filename*=UTF-8''D%C3%A9cision%20ARS%20%C2%AB%20sign%C3%A9e%20%C2%BB.pdf`,
    ],
    ['a"b\\c%d.pdf', `attachment; filename="a_b_c_d.pdf"; filename*=UTF-8''a%22b%5Cc%25d.pdf`],
    ["l'été (1).pdf", `attachment; filename="l'ete (1).pdf"; filename*=UTF-8''l%27%C3%A9t%C3%A9%20%281%29.pdf`],
    ['会议.pdf', `attachment; filename="_.pdf"; filename*=UTF-8''%E4%BC%9A%E8%AE%AE.pdf`],
  ])('%s', (name, header) => {
    expect(attachmentDisposition(name)).toBe(header);
    expect(header).toMatch(/^[\x20-\x7e]+$/);
  });
});
