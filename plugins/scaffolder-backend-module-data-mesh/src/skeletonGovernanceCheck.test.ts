import {
  checkBreakingChanges,
  DataProductEntityV1alpha1,
  versionSnapshot,
} from '@datamesh-backstage/plugin-data-mesh-common';
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { repoRoot } from './__testUtils__/portal';

const SCRIPT = join(
  repoRoot,
  'templates/data-products/skeleton/scripts/governance-check.sh',
);
const TOKEN = 'static-token';

/** The catalog's current version of the product: customer-360 at 2.1.0. */
const current = parseAllDocuments(
  readFileSync(join(repoRoot, 'examples/products/customer.yaml'), 'utf8'),
)[0].toJS() as DataProductEntityV1alpha1;

/**
 * A stand-in for the portal's `POST /api/data-mesh/evaluate`: it compares
 * the posted product with the catalog's current version by the suite's own
 * breaking-change check, and answers VER-002 (an error) on a breaking change
 * without a major version bump, as the portal does.
 */
function stubPortal(received: unknown[]): Promise<Server> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', chunk => (body += chunk));
    req.on('end', () => {
      if (
        req.method !== 'POST' ||
        req.url !== '/api/data-mesh/evaluate' ||
        req.headers.authorization !== `Bearer ${TOKEN}`
      ) {
        res.writeHead(404).end();
        return;
      }
      const { entity } = JSON.parse(body);
      received.push(entity);
      const verdict = checkBreakingChanges(
        versionSnapshot(current),
        versionSnapshot(entity),
      );
      const violations = verdict.unannounced.map(change => ({
        ruleId: 'VER-002',
        severity: 'error',
        path: change.path,
        message: `Breaking change from ${verdict.fromVersion} to ${verdict.toVersion} without a major version bump: ${change.message}`,
        remediation: 'Raise the major version of spec.version',
        waived: false,
      }));
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(
        JSON.stringify({
          score: 100 - 10 * violations.length,
          status: violations.length ? 'fail' : 'pass',
          violations,
        }),
      );
    });
  });
  return new Promise(resolve =>
    server.listen(0, '127.0.0.1', () => resolve(server)),
  );
}

/**
 * A folder with `yq` as GitHub's runners have it (`yq -o=json '.' file`),
 * for machines whose `yq` is another tool of that name.
 */
function yqOnPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'governance-check-'));
  const yq = join(dir, 'yq');
  writeFileSync(
    yq,
    `#!/usr/bin/env node
const { readFileSync } = require('node:fs');
const { parse } = require(${JSON.stringify(require.resolve('yaml'))});
const args = process.argv.slice(2);
if (args[0] !== '-o=json' || args[1] !== '.') process.exit(2);
process.stdout.write(JSON.stringify(parse(readFileSync(args[2], 'utf8'))));
`,
  );
  chmodSync(yq, 0o755);
  return dir;
}

/** Runs the skeleton's check on a proposed catalog-info.yaml. */
function runCheck(proposed: object, url: string) {
  const dir = yqOnPath();
  const file = join(dir, 'catalog-info.yaml');
  writeFileSync(file, stringify(proposed));
  return new Promise<{ code: number; stdout: string; stderr: string }>(
    resolve =>
      execFile(
        'bash',
        [SCRIPT, file],
        {
          env: {
            ...process.env,
            PATH: `${dir}:${process.env.PATH}`,
            BACKSTAGE_URL: url,
            BACKSTAGE_TOKEN: TOKEN,
          },
        },
        (error, stdout, stderr) =>
          resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      ),
  );
}

/** The current version without its `email` field, at `version`. */
function withoutEmail(version: string) {
  const proposed = parse(JSON.stringify(current));
  proposed.spec.version = version;
  proposed.spec.schema.fields = proposed.spec.schema.fields.filter(
    (field: { name: string }) => field.name !== 'email',
  );
  return proposed;
}

describe("the product skeleton's governance check", () => {
  const received: any[] = [];
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = await stubPortal(received);
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise(resolve => server.close(resolve)));

  it('fails the pipeline on a breaking change without a major version bump', async () => {
    const { code, stdout, stderr } = await runCheck(withoutEmail('2.2.0'), url);
    expect(received.at(-1).spec.version).toBe('2.2.0');
    expect(code).toBe(1);
    expect(stdout).toContain('Governance score 90 (fail)');
    expect(stdout).toMatch(/error VER-002 .*from 2\.1\.0 to 2\.2\.0/);
    expect(stderr).toContain('Breaking changes without a major version bump');
  });

  it('passes the same change announced by a major version bump', async () => {
    const { code, stdout, stderr } = await runCheck(withoutEmail('3.0.0'), url);
    expect(received.at(-1)).toMatchObject({
      metadata: { name: 'customer-360' },
      spec: { version: '3.0.0' },
    });
    expect(code).toBe(0);
    expect(stdout).toContain('Governance score 100 (pass)');
    expect(stderr).toBe('');
  });
});
