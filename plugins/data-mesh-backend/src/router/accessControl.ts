import {
  BackstageCredentials,
  BackstagePrincipalTypes,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { NotFoundError } from '@backstage/errors';
import express, { Request, RequestHandler, Response } from 'express';
import Router from 'express-promise-router';
import { PermissionGate } from '../service/PermissionGate';

type Principal = keyof Pick<BackstagePrincipalTypes, 'user' | 'service'>;

/** What a route needs of its caller, checked before the body is read. */
export interface RouteAccess {
  /** Principal types accepted; users and services by default. */
  allow?: Principal[];
  /** A permission the caller must hold. */
  permission?: BasicPermission | ResourcePermission;
  /**
   * The resource a resource permission is about (an entity ref from the
   * path). Without it, a resource permission is pre-checked: an outright
   * denial answers 403, a conditional decision lets the route check each
   * resource once it knows them.
   */
  resourceRef?: (req: Request) => string;
  /** Largest JSON body accepted (an `express.json` limit); no body without it. */
  bodyLimit?: string;
}

/** Object keys that would reach prototypes if a body were ever merged. */
const FORBIDDEN_KEYS = new Set<unknown>(['__proto__', 'constructor']);

/** Rejects keys that could be used for prototype pollution (a JSON or YAML reviver). */
export function rejectPrototypeKeys(key: unknown, value: unknown) {
  if (FORBIDDEN_KEYS.has(key)) {
    throw new SyntaxError(`the key "${key}" is not allowed`);
  }
  return value;
}

/**
 * The credentials a guard established for this request; of the principal
 * type the guard allowed.
 */
export function credentialsOf<
  TPrincipal = BackstageUserPrincipal | BackstageServicePrincipal,
>(res: Response): BackstageCredentials<TPrincipal> {
  return res.locals.credentials as BackstageCredentials<TPrincipal>;
}

/** The methods of the plugin's routes. */
export type RouteMethod = 'get' | 'post' | 'delete';

/**
 * Authentication and authorisation of the plugin's routes, for users and
 * services alike. Each route declares its access with `route`; the guards
 * run before the body parser, so an unauthorised caller gets 401 or 403
 * without the server reading its body. `middleware` holds the guards and
 * goes before the OpenAPI router (whose request validation needs the parsed
 * body); a request no route declared is answered 404 there, so no handler
 * ever runs unguarded.
 */
export function createAccessControl(deps: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}) {
  const { httpAuth } = deps;
  const gate = new PermissionGate(deps);

  /** The middleware of a route: the guard, then the body parser if any. */
  function guard(access: RouteAccess): RequestHandler[] {
    const check: RequestHandler = async (req, res, next) => {
      const credentials = await httpAuth.credentials(req, {
        allow: access.allow ?? ['user', 'service'],
      });
      const { permission } = access;
      if (permission?.type === 'resource' && !access.resourceRef) {
        await gate.precheck(credentials, permission as ResourcePermission);
      } else if (permission) {
        await gate.authorize(
          credentials,
          permission,
          access.resourceRef ? [access.resourceRef(req)] : undefined,
        );
      }
      res.locals.credentials = credentials;
      next();
    };
    const handlers: RequestHandler[] = [check];
    if (access.bodyLimit) {
      handlers.push(
        express.json({
          limit: access.bodyLimit,
          reviver: rejectPrototypeKeys,
          strict: true,
        }),
      );
    }
    return handlers;
  }

  const guards = Router();
  /** Declares the access of a route (an express path). */
  function route(method: RouteMethod, path: string, access: RouteAccess) {
    guards[method](path, ...guard(access));
  }
  const undeclared: RequestHandler = (req, res, next) => {
    if (!res.locals.credentials) {
      throw new NotFoundError(`No route ${req.method} ${req.path}`);
    }
    next();
  };

  /** Throws NotAllowedError unless every request is allowed outright. */
  const authorize: PermissionGate['authorize'] = (...args) =>
    gate.authorize(...args);

  return { route, authorize, middleware: [guards, undeclared] };
}

/** The access control helpers the routes share. */
export type AccessControl = ReturnType<typeof createAccessControl>;
