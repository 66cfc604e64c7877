import { taskTitle } from './bulk-actions';

describe('taskTitle', () => {
  it('puts the record’s name where the template says {nom}', () => {
    expect(taskTitle('Relancer {nom}', 'Dr Claire Martin')).toBe('Relancer Dr Claire Martin');
    expect(taskTitle('{nom} : {nom}', 'A')).toBe('A : A');
    expect(taskTitle('Sans nom', 'X')).toBe('Sans nom');
  });

  it('keeps titles to 200 characters', () => {
    const title = taskTitle('Relancer {nom}', 'x'.repeat(300));
    expect(title).toHaveLength(200);
    expect(title.endsWith('…')).toBe(true);
  });
});
