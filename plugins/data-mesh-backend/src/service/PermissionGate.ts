import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

/**
 * The suite's permission checks, for the REST routes and the actions alike:
 * each throws `NotAllowedError` naming the permission the caller lacks.
 */
export class PermissionGate {
  constructor(private readonly deps: { permissions: PermissionsService }) {}

  /**
   * Requires the permission, on each of `resourceRefs` for a resource
   * permission; allowed outright only (a conditional decision is applied
   * by the permission framework to each resource).
   */
  async authorize(
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
    const decisions = await this.deps.permissions.authorize(requests, {
      credentials,
    });
    if (decisions.some(d => d.result !== AuthorizeResult.ALLOW)) {
      throw new NotAllowedError(`Not allowed: ${permission.name}`);
    }
  }

  /**
   * Refuses a resource permission denied outright, before its resources are
   * known; a conditional decision is checked per resource later.
   */
  async precheck(
    credentials: BackstageCredentials,
    permission: ResourcePermission,
  ): Promise<void> {
    const [decision] = await this.deps.permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.DENY) {
      throw new NotAllowedError(`Not allowed: ${permission.name}`);
    }
  }
}
