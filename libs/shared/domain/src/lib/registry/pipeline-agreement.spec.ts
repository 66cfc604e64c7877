import { pipelineAccreditationGap } from './pipeline-agreement';

describe('pipelineAccreditationGap', () => {
  it.each([
    ['accredited', [], /aucun agrément n’est enregistré/],
    ['active', [{ validity: 'pending' }], /encore en demande/],
    ['active', [{ validity: 'expired' }, { validity: 'withdrawn' }], /aucun agrément n’est en vigueur/],
    ['interested', [{ validity: 'valid' }], /passez-le à « Agréé »/],
  ] as const)('%s with %j says why they differ', (stage, accreditations, message) => {
    expect(pipelineAccreditationGap(stage, accreditations)).toMatch(message);
  });

  it.each([
    ['accredited', [{ validity: 'valid' }]],
    ['active', [{ validity: 'expiring_soon' }, { validity: 'expired' }]],
    ['identified', []],
    ['file_submitted', [{ validity: 'pending' }]],
    ['declined', [{ validity: 'valid' }]],
  ] as const)('%s with %j agrees', (stage, accreditations) => {
    expect(pipelineAccreditationGap(stage, accreditations)).toBeNull();
  });
});
