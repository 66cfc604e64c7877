import { FormArray, FormControl, FormGroup } from '@angular/forms';
import { setControlLabel } from './control-labels';
import { configuredLabel, mapPath, parseServerMessage, placeMessage } from './server-messages';

describe('parseServerMessage', () => {
  it.each([
    ['name : 2 caractères au moins.', ['name'], '2 caractères au moins.'],
    ['actions.0.ownerLabel : 2 caractères au moins.', ['actions.0.ownerLabel'], '2 caractères au moins.'],
    ['from, to : la période commence après sa fin.', ['from', 'to'], 'la période commence après sa fin.'],
    ['Le champ « admin » n’est pas autorisé.', [], 'Le champ « admin » n’est pas autorisé.'],
    ['page must be an integer number', [], 'page must be an integer number'],
  ])('%s', (message, paths, text) => {
    expect(parseServerMessage(message)).toEqual({ paths, text });
  });
});

describe('mapPath and configuredLabel', () => {
  it('rewrites an API path to a control path, keeping the item index', () => {
    expect(mapPath('demands.2.placesRequested', { 'demands.*.placesRequested': 'rows.*.requested' })).toBe(
      'rows.2.requested',
    );
    expect(mapPath('name', { siteId: 'site' })).toBe('name');
  });

  it('numbers the items from 1, or asks a function', () => {
    expect(configuredLabel('actions.0.title', { 'actions.*.title': 'Intitulé de l’action {n}' })).toBe(
      'Intitulé de l’action 1',
    );
    expect(configuredLabel('rows.3.filled', { 'rows.*.filled': (i) => `Ligne ${i}` })).toBe('Ligne 3');
    expect(configuredLabel('other', { 'rows.*.filled': 'x' })).toBeNull();
  });
});

describe('placeMessage', () => {
  const form = new FormGroup({
    name: new FormControl(''),
    actions: new FormArray([new FormGroup({ ownerLabel: new FormControl('') })]),
    unlabelled: new FormControl(''),
  });
  setControlLabel(form.controls.name, 'Nom du terrain *');

  it('places a message on the controls it names, with the label the field shows', () => {
    const placed = placeMessage(form, parseServerMessage('name : 2 caractères au moins.'));
    expect(placed).toEqual([{ control: form.controls.name, label: 'Nom du terrain', text: '2 caractères au moins.' }]);
  });

  it('uses a configured label for a nested field', () => {
    const placed = placeMessage(form, parseServerMessage('actions.0.ownerLabel : 2 caractères au moins.'), {
      labels: { 'actions.*.ownerLabel': 'Responsable de l’action {n}' },
    });
    expect(placed?.[0].label).toBe('Responsable de l’action 1');
    expect(placed?.[0].control).toBe(form.controls.actions.at(0).controls.ownerLabel);
  });

  it('leaves to the summary what no field shows (unknown path, or a field without label)', () => {
    expect(placeMessage(form, parseServerMessage('version : obligatoire.'))).toBeNull();
    expect(placeMessage(form, parseServerMessage('unlabelled : obligatoire.'))).toBeNull();
    expect(placeMessage(form, parseServerMessage('Le champ « x » n’est pas autorisé.'))).toBeNull();
  });
});
