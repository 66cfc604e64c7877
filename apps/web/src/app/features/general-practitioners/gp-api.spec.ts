import type { GeneralPractitionerRow } from '@maillage/shared/domain';
import { gpName, supervisionIncomePdfUrl } from './gp-api';
import { suggestedReason } from './gp-referral-dialog';

const row = {
  civility: 'DR',
  firstName: 'Claire',
  lastName: 'MARTIN',
  structureName: 'MAISON DE SANTE DE L’ALMONT',
  commune: { code: '77288', name: 'Melun' },
} as GeneralPractitionerRow;

describe('general practitioners of the directory', () => {
  it('names a GP as the directory gives it', () => {
    expect(gpName(row)).toBe('Dr Claire MARTIN');
    expect(gpName({ ...row, civility: null })).toBe('Claire MARTIN');
  });

  it('proposes a referral reason naming the place of practice', () => {
    expect(suggestedReason(row)).toBe(
      'Médecin généraliste de l’annuaire RPPS, non maître de stage (MAISON DE SANTE DE L’ALMONT, Melun).',
    );
    expect(suggestedReason({ ...row, structureName: null, commune: { code: '77288', name: null } })).toBe(
      'Médecin généraliste de l’annuaire RPPS, non maître de stage.',
    );
  });

  it('links the one-page PDF of a GP', () => {
    expect(supervisionIncomePdfUrl('810003382735')).toBe(
      '/api/rpps/general-practitioners/810003382735/supervision-income.pdf',
    );
  });
});
