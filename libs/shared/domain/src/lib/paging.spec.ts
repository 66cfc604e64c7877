import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX, parseSort } from './paging';

describe('parseSort', () => {
  const allowed = ['email', 'displayName', 'createdAt'] as const;

  it.each([
    ['email', { field: 'email', direction: 'asc' }],
    ['email:asc', { field: 'email', direction: 'asc' }],
    ['email:desc', { field: 'email', direction: 'desc' }],
    ['displayName:desc', { field: 'displayName', direction: 'desc' }],
    ['  createdAt:asc  ', { field: 'createdAt', direction: 'asc' }],
  ])('accepts %j', (text, expected) => {
    expect(parseSort(text, allowed)).toEqual(expected);
  });

  it.each([
    ['password:asc', 'a field that is not sortable'],
    ['passwordHash', 'a field that is not sortable'],
    ['Email:asc', 'field names are case-sensitive'],
    ['email:up', 'an unknown direction'],
    ['email:DESC', 'directions are lower-case'],
    ['email:', 'an empty direction'],
    [':asc', 'no field'],
    ['', 'nothing'],
    ['email:asc:desc', 'two directions'],
    ['e-mail', 'punctuation in the field'],
    ['email;drop table users', 'an injection attempt'],
    ['1email', 'a field starting with a digit'],
  ])('refuses %j (%s)', (text) => {
    expect(parseSort(text, allowed)).toBeNull();
  });

  it('allows nothing when no field is sortable', () => {
    expect(parseSort('email:asc', [])).toBeNull();
  });

  it('pages hold 25 items by default and 200 at most (API.md)', () => {
    expect([PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX]).toEqual([25, 200]);
  });
});
