import { Logger, StreamableFile } from '@nestjs/common';
import express from 'express';
import { Readable } from 'node:stream';
import request from 'supertest';

import { withStreamErrors } from './stream-errors';

const lost = new Error('Connection terminated unexpectedly');

/** A route that sends a file's headers, maybe some bytes, then hands `error` to the file's handler. */
function app(error: Error, sentBytes: boolean) {
  const file = withStreamErrors(new StreamableFile(Readable.from([]), { length: 100 }));
  return express().get('/file', (_req, res) => {
    res.setHeader('Content-Disposition', 'attachment; filename="decision.pdf"');
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Length', '100');
    if (sentBytes) res.write(Buffer.alloc(10));
    file.errorHandler(error, res);
  });
}

describe('withStreamErrors', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('answers a database outage before the first byte 503 in JSON with Retry-After, not a file', async () => {
    const res = await request(app(lost, false)).get('/file');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(res.body).toMatchObject({ statusCode: 503, message: expect.stringContaining('base de données') });
  });

  it('answers another failure before the first byte 500 without internals', async () => {
    const res = await request(app(new Error('/var/lib/secret/path exploded'), false)).get('/file');
    expect(res.status).toBe(500);
    expect(JSON.stringify(res.body)).not.toContain('secret');
  });

  it('cuts the connection once bytes are sent: the client sees an incomplete download, not a whole file', async () => {
    await expect(request(app(lost, true)).get('/file')).rejects.toThrow();
  });
});
