import type { NextFunction, Request, Response } from 'express';

/** Browser features the dashboard never uses, switched off for every page and answer. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
  'interest-cohort=()',
].join(', ');

/**
 * Headers of every answer: `Permissions-Policy` everywhere, and `Cache-Control: no-store` on the
 * API (tokens, personal data, PDF and XLSX exports must never be kept by a browser or a proxy).
 * Set before anything else runs, so that errors raised by the body parser carry them too.
 */
export function apiHeaders(req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
  if (req.path === '/api' || req.path.startsWith('/api/')) {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Pragma', 'no-cache');
  }
  next();
}
