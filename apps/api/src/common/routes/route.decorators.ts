import type { Permission } from '@maillage/shared/domain';
import { applyDecorators, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';

import { Allow } from '../auth/allow.decorator';
import { ParseIdPipe } from '../http/id.pipe';
import { ApiIfMatch } from '../validation/version.dto';

/**
 * The routes of a record, each in one line: the HTTP verb and path, the permission of the map,
 * the OpenAPI summary and, for writes from a version read, the `If-Match` header.
 */
export interface RouteDoc {
  summary?: string;
  description?: string;
}

const doc = (text: string | RouteDoc | undefined) =>
  text === undefined ? [] : [ApiOperation(typeof text === 'string' ? { summary: text } : text)];

/** `GET path`: a read. */
export function ReadRoute(permission: Permission, path?: string, text?: string | RouteDoc) {
  return applyDecorators(...doc(text), Allow(permission), Get(path));
}

/** `GET path` answering a file (PDF, XLSX): see `download()`. */
export function FileRoute(permission: Permission, path: string, type: string, text: string) {
  return applyDecorators(
    ReadRoute(permission, path, text),
    ApiProduces(type),
    ApiOkResponse({ schema: { type: 'string', format: 'binary' } }),
  );
}

/** `POST` on the collection: creates a record (201). */
export function CreateRoute(permission: Permission, text?: string | RouteDoc) {
  return applyDecorators(...doc(text), Allow(permission), Post());
}

/** `PATCH :id` from the version read (409 when stale). */
export function UpdateRoute(permission: Permission, text: string) {
  return applyDecorators(...doc(text), ApiIfMatch(), Allow(permission), Patch(':id'));
}

/** `POST :id/<action>`: a business event on a record, from the version read (200 unless said). */
export function ActionRoute(action: string, permission: Permission, text: string, status = HttpStatus.OK) {
  return applyDecorators(...doc(text), ApiIfMatch(), Allow(permission), Post(`:id/${action}`), HttpCode(status));
}

/** `DELETE :id`: archives a record (204); records with history are never erased. */
export function ArchiveRoute(permission: Permission, text: string) {
  return applyDecorators(...doc(text), ApiIfMatch(), Allow(permission), Delete(':id'), HttpCode(HttpStatus.NO_CONTENT));
}

/** The record id of the path: a uuid, or a 400 in French. */
export function IdParam() {
  return Param('id', ParseIdPipe);
}
