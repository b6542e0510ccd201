import {
  AuthService,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';

const SERVICE_TOKEN_PREFIX = 'mock-service-token:';

/** The claims of a mock plugin token, with the plugin that sent it. */
interface MockPluginTokenClaims {
  sub?: string;
  obo?: string;
  target?: string;
  actor?: string;
}

function claimsOf(token: string): MockPluginTokenClaims | undefined {
  return token.startsWith(SERVICE_TOKEN_PREFIX)
    ? JSON.parse(token.slice(SERVICE_TOKEN_PREFIX.length))
    : undefined;
}

/**
 * Backstage's mock auth service, except that a plugin's token on behalf of
 * a user names the plugin as the user's actor, as Backstage's own auth
 * service does. The permission framework needs it: the permission backend
 * and the catalog only take resource requests without a resource ref, and
 * condition checks, from a plugin acting for a user.
 */
export const mockAuthWithActorsFactory = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }): AuthService {
    const pluginId = plugin.getId();
    const auth = mockServices.auth({ pluginId });
    return {
      authenticate: async (token, options) => {
        const credentials = await auth.authenticate(token, options);
        const claims = claimsOf(token);
        if (auth.isPrincipal(credentials, 'user') && claims?.actor) {
          return mockCredentials.user(credentials.principal.userEntityRef, {
            actor: { subject: claims.actor },
          });
        }
        return credentials;
      },
      getPluginRequestToken: async options => {
        const { token } = await auth.getPluginRequestToken(options);
        const claims = claimsOf(token);
        if (!claims?.obo) {
          return { token };
        }
        const actor = `plugin:${pluginId}`;
        return {
          token: `${SERVICE_TOKEN_PREFIX}${JSON.stringify({
            ...claims,
            actor,
          })}`,
        };
      },
      getNoneCredentials: () => auth.getNoneCredentials(),
      getOwnServiceCredentials: () => auth.getOwnServiceCredentials(),
      isPrincipal: auth.isPrincipal.bind(auth) as AuthService['isPrincipal'],
      getLimitedUserToken: credentials => auth.getLimitedUserToken(credentials),
      listPublicServiceKeys: () => auth.listPublicServiceKeys(),
    };
  },
});
