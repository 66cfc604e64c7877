import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { hasPermission, type Permission, type Role } from '@maillage/shared/domain';
import {
  allowedBulkActions,
  attachmentName,
  bulkFilters,
  bulkUrl,
  canExportSelection,
  listSelection,
  saveFile,
} from './bulk-selection';
import type { ApiParams } from './list-params';

const canOf = (role: Role) => (permission: Permission) => hasPermission(role, permission);

describe('bulkFilters', () => {
  it('keeps the filters and leaves paging and order out', () => {
    expect(bulkFilters({ page: 3, pageSize: 50, sort: 'name:asc', q: 'mare', archived: true })).toEqual({
      q: 'mare',
      archived: true,
    });
  });
});

describe('allowedBulkActions', () => {
  it.each<[Role, string, string[]]>([
    ['mission_officer', 'sites', ['archive', 'assign_task']],
    ['mission_officer', 'accreditations', ['archive', 'assign_task']],
    ['mission_officer', 'tasks', ['archive', 'assign', 'complete']],
    ['mission_officer', 'candidate-referrals', ['assign', 'assign_task']],
    ['departement', 'sites', []],
    ['cdom', 'candidate-referrals', []],
    ['admin', 'tasks', []],
  ])('%s on %s: %j', (role, resource, actions) => {
    const allowed = allowedBulkActions(resource as 'sites', canOf(role));
    expect(allowed.map((a) => a.action)).toEqual(actions);
  });

  it('names each action in French', () => {
    expect(allowedBulkActions('tasks', canOf('mission_officer'))[2]).toEqual({
      action: 'complete',
      label: 'Terminer',
    });
  });

  it('needs bulk.run on top of the action’s own permission', () => {
    const all = (permission: Permission) => permission !== 'bulk.run';
    expect(allowedBulkActions('sites', all)).toEqual([]);
  });
});

describe('canExportSelection', () => {
  it.each<[Role, string, boolean]>([
    ['departement', 'sites', true],
    ['cdom', 'candidate-referrals', true],
    ['committee', 'sites', false],
    ['cdom', 'tasks', false],
  ])('%s on %s: %s', (role, resource, allowed) => {
    expect(canExportSelection(resource as 'sites', canOf(role))).toBe(allowed);
  });
});

describe('bulkUrl and attachmentName', () => {
  it('builds the bulk addresses of a list', () => {
    expect(bulkUrl('candidate-referrals')).toBe('/api/candidate-referrals/bulk');
    expect(bulkUrl('sites', '/export')).toBe('/api/sites/bulk/export');
  });

  it.each([
    ['attachment; filename="terrains-2026-12-07.csv"', 'terrains-2026-12-07.csv'],
    ["attachment; filename*=UTF-8''agr%C3%A9ments.csv", 'agréments.csv'],
    [null, 'export.csv'],
    ['attachment', 'export.csv'],
  ])('%s → %s', (disposition, name) => {
    expect(attachmentName(disposition, 'export.csv')).toBe(name);
  });
});

describe('saveFile', () => {
  it('hands the file to the browser under its name, through a link it removes', () => {
    const created = jest.fn(() => 'blob:file');
    const revoked = jest.fn();
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: revoked });
    const clicked: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this.download);
    });
    jest.useFakeTimers();
    saveFile(new Blob(['a;b']), 'terrains.csv');
    jest.runAllTimers();
    jest.useRealTimers();
    click.mockRestore();
    expect(clicked).toEqual(['terrains.csv']);
    expect(document.querySelector('a[download]')).toBeNull();
    expect(revoked).toHaveBeenCalledWith('blob:file');
  });
});

describe('listSelection', () => {
  it('starts again when the filters change, not when the page or the order does', () => {
    const params = signal<ApiParams>({ page: 1, q: 'mare' });
    const selection = TestBed.runInInjectionContext(() => listSelection(params));
    TestBed.tick();
    selection.toggle('a', true);
    params.set({ page: 2, sort: 'name:desc', q: 'mare' });
    TestBed.tick();
    expect(selection.ids()).toEqual(['a']);
    params.set({ page: 1, q: 'melun' });
    TestBed.tick();
    expect(selection.ids()).toEqual([]);
  });
});
