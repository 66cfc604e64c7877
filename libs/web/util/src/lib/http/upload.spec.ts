import { HttpClient, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom, toArray } from 'rxjs';
import { uploadFile, uploadResult, type UploadState } from './upload';

describe('uploadFile', () => {
  let http: HttpClient;
  let controller: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpClient);
    controller = TestBed.inject(HttpTestingController);
  });

  afterEach(() => controller.verify());

  it('sends the raw file as octet-stream with its parameters, then emits the answer', async () => {
    const file = new Blob(['nom;type\n'], { type: 'text/csv' });
    const states = firstValueFrom(
      uploadFile<{ id: string }>(http, '/api/imports', file, { kind: 'sites' }).pipe(toArray()),
    );
    const request = controller.expectOne((r) => r.url === '/api/imports');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toBe(file);
    expect(request.request.headers.get('Content-Type')).toBe('application/octet-stream');
    expect(request.request.params.get('kind')).toBe('sites');
    request.flush({ id: 'job-1' });
    const all: UploadState<{ id: string }>[] = await states;
    expect(all.at(-1)).toEqual({ done: true, result: { id: 'job-1' } });
  });

  it('gives the answer alone to callers that show no progress', async () => {
    const answer = firstValueFrom(uploadResult(uploadFile<{ ok: boolean }>(http, '/api/x', new Blob(['x']))));
    controller.expectOne('/api/x').flush({ ok: true });
    expect(await answer).toEqual({ ok: true });
  });
});
