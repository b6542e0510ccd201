import {
  createBackendModule,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { createPublishGithubAction } from '@backstage/plugin-scaffolder-backend-module-github';
import {
  parseRepoUrl,
  scaffolderActionsExtensionPoint,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { JsonObject } from '@backstage/types';
import { existsSync, readFileSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * GitHub as the templates of a production portal see it, in a folder:
 * `publish:github` with the real action's id, description and input schema
 * (the scaffolder validates each step's input against it), whose handler
 * "pushes" the workspace to `<root>/<owner>/<repo>/` instead of creating a
 * repository, and outputs what the real action outputs. Each input is
 * recorded in `inputs`.
 */
export function fakeGitHub(root: string) {
  const integrations = ScmIntegrations.fromConfig(new ConfigReader({}));
  const realAction = createPublishGithubAction({
    integrations,
    config: new ConfigReader({}),
  });
  const inputs: JsonObject[] = [];

  const publishGithub: TemplateAction<any, any, any> = {
    ...realAction,
    async handler(ctx) {
      inputs.push(ctx.input);
      const { host, owner, repo } = parseRepoUrl(
        ctx.input.repoUrl,
        integrations,
      );
      await cp(
        resolveSafeChildPath(ctx.workspacePath, ctx.input.sourcePath ?? '.'),
        join(root, owner!, repo),
        { recursive: true },
      );
      const page = `https://${host}/${owner}/${repo}`;
      ctx.output('remoteUrl', `${page}.git`);
      ctx.output(
        'repoContentsUrl',
        `${page}/blob/${ctx.input.defaultBranch ?? 'master'}`,
      );
      ctx.output('commitHash', '0'.repeat(40));
    },
  };

  const module = createBackendModule({
    pluginId: 'scaffolder',
    moduleId: 'fake-github',
    register({ registerInit }) {
      registerInit({
        deps: { scaffolderActions: scaffolderActionsExtensionPoint },
        async init({ scaffolderActions }) {
          scaffolderActions.addActions(publishGithub);
        },
      });
    },
  });

  /**
   * The entity a `https://github.com/<owner>/<repo>/(blob|tree)/<branch>/<path>`
   * URL points at, read from the pushed files; undefined when there is none.
   */
  function readEntity(url: string) {
    const match = url.match(
      /^https:\/\/github\.com\/([^/]+)\/([^/]+)\/(?:blob|tree)\/[^/]+\/(.+)$/,
    );
    const file = match && join(root, match[1], match[2], match[3]);
    return file && existsSync(file)
      ? parse(readFileSync(file, 'utf8'))
      : undefined;
  }

  return { module, inputs, readEntity };
}
