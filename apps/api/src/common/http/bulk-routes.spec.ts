import { isBulkRequest, isUploadRequest } from './bulk-routes';

describe('isBulkRequest', () => {
  it.each([
    ['POST', '/api/imports'],
    ['POST', '/api/imports/0b7f3c1e-52a4-4a57-9f59-2f3b3c6f0a11/apply'],
    ['POST', '/api/imports/0b7f3c1e-52a4-4a57-9f59-2f3b3c6f0a11/undo'],
    ['POST', '/api/rpps/loads'],
    ['POST', '/api/communes/zonages/import'],
    ['POST', '/api/communes/contours'],
    ['POST', '/api/communes/contours/refresh'],
    ['GET', '/api/exports/sites'],
    ['POST', '/api/sites/0b7f3c1e-52a4-4a57-9f59-2f3b3c6f0a11/documents'],
    ['POST', '/api/documents/0b7f3c1e-52a4-4a57-9f59-2f3b3c6f0a11/versions'],
    ['POST', '/api/professionals/bulk'],
    ['POST', '/api/professionals/bulk/export'],
  ])('%s %s moves files or many records', (method, path) => {
    expect(isBulkRequest(method, path)).toBe(true);
  });

  it.each([
    ['GET', '/api/imports'],
    ['PUT', '/api/imports/0b7f3c1e-52a4-4a57-9f59-2f3b3c6f0a11/mapping'],
    ['GET', '/api/sites'],
    ['POST', '/api/sites'],
    ['POST', '/api/imports/x/apply/more'],
  ])('%s %s keeps the everyday deadline', (method, path) => {
    expect(isBulkRequest(method, path)).toBe(false);
  });
});

describe('isUploadRequest', () => {
  it('leaves the file uploads to their routes, and nothing else', () => {
    expect(isUploadRequest('POST', '/api/rpps/loads')).toBe(true);
    expect(isUploadRequest('POST', '/api/communes/contours')).toBe(true);
    expect(isUploadRequest('POST', '/api/imports')).toBe(true);
    expect(isUploadRequest('POST', '/api/imports/0b7f3c1e-52a4-4a57-9f59-2f3b3c6f0a11/apply')).toBe(false);
    expect(isUploadRequest('POST', '/api/sites')).toBe(false);
  });
});
