import { TestBed } from '@angular/core/testing';
import { DateAdapter } from '@angular/material/core';
import { FrenchDateAdapter, provideFrenchDates } from './french-material';

describe('FrenchDateAdapter', () => {
  let adapter: DateAdapter<Date>;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: provideFrenchDates() });
    adapter = TestBed.inject(DateAdapter);
  });

  it('is the adapter the app provides', () => {
    expect(adapter).toBeInstanceOf(FrenchDateAdapter);
  });

  it.each([
    ['03/04/2026', 2026, 3, 3],
    ['3/4/2026', 2026, 3, 3],
    ['31.12.2026', 2026, 11, 31],
    ['01-11-2026', 2026, 10, 1],
  ])('reads %s day first', (text, year, month, day) => {
    const date = adapter.parse(text, 'dd/MM/yyyy') as Date;
    expect([date.getFullYear(), date.getMonth(), date.getDate()]).toEqual([year, month, day]);
  });

  it.each(['31/02/2026', '00/01/2026', '12/13/2026'])('rejects the impossible date %s', (text) => {
    const date = adapter.parse(text, 'dd/MM/yyyy');
    expect(adapter.isValid(date as Date)).toBe(false);
  });

  it('returns null for an empty field', () => {
    expect(adapter.parse('  ', 'dd/MM/yyyy')).toBeNull();
  });

  it('displays dates the French way', () => {
    expect(adapter.format(new Date(2026, 10, 2), { day: '2-digit', month: '2-digit', year: 'numeric' })).toBe(
      '02/11/2026',
    );
  });
});
