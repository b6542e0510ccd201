import {
  BackstageCredentials,
  BackstagePrincipalTypes,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import express, { Request, RequestHandler, Response } from 'express';

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
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor']);

/** Rejects JSON with keys that could be used for prototype pollution. */
function reviver(key: string, value: unknown) {
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

/**
 * Authentication and authorisation of the plugin's routes, for users and
 * services alike. Each route declares its access; the guard runs before the
 * body parser, so an unauthorised caller gets 401 or 403 without the server
 * reading its body.
 */
export function createAccessControl(deps: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}) {
  const { httpAuth, permissions } = deps;

  /** Throws NotAllowedError unless every request is allowed outright. */
  async function authorize(
    credentials: BackstageCredentials,
    permission: BasicPermission | ResourcePermission,
    resourceRefs?: string[],
  ): Promise<void> {
    const requests =
      permission.type === 'resource'
        ? (resourceRefs ?? []).map(resourceRef => ({
            permission,
            resourceRef,
          }))
        : [{ permission: permission as BasicPermission }];
    if (requests.length === 0) {
      return;
    }
    const decisions = await permissions.authorize(requests, { credentials });
    if (decisions.some(d => d.result !== AuthorizeResult.ALLOW)) {
      throw new NotAllowedError(`Not allowed: ${permission.name}`);
    }
  }

  /** Denies outright only: conditional decisions are checked per resource later. */
  async function precheck(
    credentials: BackstageCredentials,
    permission: ResourcePermission,
  ): Promise<void> {
    const [decision] = await permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.DENY) {
      throw new NotAllowedError(`Not allowed: ${permission.name}`);
    }
  }

  /** Middleware for a route: the guard, then the body parser if any. */
  function guard(access: RouteAccess): RequestHandler[] {
    const check: RequestHandler = async (req, res, next) => {
      const credentials = await httpAuth.credentials(req, {
        allow: access.allow ?? ['user', 'service'],
      });
      const { permission } = access;
      if (permission?.type === 'resource' && !access.resourceRef) {
        await precheck(credentials, permission as ResourcePermission);
      } else if (permission) {
        await authorize(
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
        express.json({ limit: access.bodyLimit, reviver, strict: true }),
      );
    }
    return handlers;
  }

  return { guard, authorize };
}

/** The access control helpers the routes share. */
export type AccessControl = ReturnType<typeof createAccessControl>;
