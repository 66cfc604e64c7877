import type { Request, Response } from 'express';

import { sameOriginWrites } from './same-origin';

function verdict(method: string, headers: Record<string, string>): 'pass' | 'refused' {
  const req = { method, headers, protocol: 'https', host: 'maillage.departement77.fr' } as unknown as Request;
  let result: 'pass' | 'refused' = 'pass';
  sameOriginWrites(req, {} as Response, (error?: unknown) => {
    result = error ? 'refused' : 'pass';
  });
  return result;
}

describe('sameOriginWrites', () => {
  it.each<[string, string, Record<string, string>, 'pass' | 'refused']>([
    ['a read from anywhere', 'GET', { 'sec-fetch-site': 'cross-site' }, 'pass'],
    ['a write of the dashboard', 'POST', { 'sec-fetch-site': 'same-origin' }, 'pass'],
    ['a write typed by the user', 'POST', { 'sec-fetch-site': 'none' }, 'pass'],
    ['a write from another site', 'POST', { 'sec-fetch-site': 'cross-site' }, 'refused'],
    ['a write from a sibling subdomain', 'PATCH', { 'sec-fetch-site': 'same-site' }, 'refused'],
    ['an old browser, same origin', 'DELETE', { origin: 'https://maillage.departement77.fr' }, 'pass'],
    ['an old browser, another origin', 'POST', { origin: 'https://attaquant.example' }, 'refused'],
    ['a script without Origin (not a browser)', 'POST', {}, 'pass'],
    ['a Bearer client from anywhere', 'POST', { authorization: 'Bearer x', 'sec-fetch-site': 'cross-site' }, 'pass'],
  ])('%s: %s', (_, method, headers, expected) => {
    expect(verdict(method, headers)).toBe(expected);
  });
});
