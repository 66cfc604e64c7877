import type { INestApplication, Type } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

/** A route of the live OpenAPI document, with the DTO classes its handler validates. */
export interface ApiRoute {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** OpenAPI template, e.g. `/api/sites/{id}`. */
  path: string;
  pathParams: string[];
  /** Query parameters named by the document and by the query DTO. */
  queryParams: string[];
  body: FieldSpec[] | null;
  hasIfMatch: boolean;
}

/** A field of a DTO with the names of its validation rules and their constraints. */
export interface FieldSpec {
  name: string;
  rules: Map<string, unknown[]>;
  optional: boolean;
}

interface OpenApiOperation {
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

interface HandlerDtos {
  body: Type | null;
  query: Type | null;
}

/** `GET /api/sites/{id}` → the body and query DTO classes of the Nest handler serving it. */
function handlerDtos(app: INestApplication): Map<string, HandlerDtos> {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const result = new Map<string, HandlerDtos>();
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance || !wrapper.metatype) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, wrapper.metatype) ?? '');
    const prototype = Object.getPrototypeOf(instance) as Record<string, object>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (path === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number].toLowerCase();
      const types = (Reflect.getMetadata('design:paramtypes', prototype, name) ?? []) as Type[];
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, wrapper.metatype, name) ?? {}) as Record<
        string,
        { index: number; data?: unknown }
      >;
      const dtoOf = (kind: RouteParamtypes): Type | null => {
        const entry = Object.entries(args).find(([key, arg]) => key.startsWith(`${kind}:`) && arg.data === undefined);
        return entry ? (types[entry[1].index] ?? null) : null;
      };
      const full = `/api/${[base, path].filter((p) => p && p !== '/').join('/')}`
        .replace(/\/+/g, '/')
        .replace(/\/$/, '')
        .replace(/:(\w+)/g, '{$1}');
      result.set(`${method} ${full}`, { body: dtoOf(RouteParamtypes.BODY), query: dtoOf(RouteParamtypes.QUERY) });
    }
  }
  return result;
}

/** Fields of a DTO class (its parents' included), from class-validator's metadata. */
export function fieldsOf(dto: Type): FieldSpec[] {
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false) as ValidationMetadata[];
  const fields = new Map<string, FieldSpec>();
  for (const m of metadatas) {
    const field = fields.get(m.propertyName) ?? { name: m.propertyName, rules: new Map(), optional: false };
    if (m.type === 'conditionalValidation') field.optional = true;
    else field.rules.set(m.name ?? m.type, (m.constraints ?? []) as unknown[]);
    fields.set(m.propertyName, field);
  }
  return [...fields.values()];
}

/** Every operation of the document, with what the handler behind it validates. */
export function apiRoutes(app: INestApplication, document: OpenApiDocument): ApiRoute[] {
  const dtos = handlerDtos(app);
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]): ApiRoute => {
      const handler = dtos.get(`${method} ${path}`);
      const documented = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      const fromDto = handler?.query ? fieldsOf(handler.query).map((f) => f.name) : [];
      return {
        method: method as ApiRoute['method'],
        path,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
        queryParams: [...new Set([...documented, ...fromDto])],
        body: operation.requestBody || handler?.body ? (handler?.body ? fieldsOf(handler.body) : []) : null,
        hasIfMatch: (operation.parameters ?? []).some((p) => p.in === 'header' && p.name === 'If-Match'),
      };
    }),
  );
}
