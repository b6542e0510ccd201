import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { tempDirEachTest } from '../__testUtils__/fixtures';

const BIN = path.resolve(__dirname, '../../bin/data-mesh-standards');
const FIXTURES = path.resolve(__dirname, '../__fixtures__');

/** The package's `bin`, as `npx data-mesh-standards` runs it. */
function runBin(args: string[], cwd: string) {
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('the data-mesh-standards bin', () => {
  const dir = tempDirEachTest();

  it('imports files on disk into catalog-info.yaml and exits with 0', () => {
    const out = path.join(dir(), 'catalog-info.yaml');
    const run = runBin(
      ['import', 'payments.datacontract.yaml', '--out', out],
      path.join(FIXTURES, 'dcs'),
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Imported dcs 1.2.1 as DataProduct payments');
    expect((load(fs.readFileSync(out, 'utf8')) as any).kind).toBe(
      'DataProduct',
    );
  });

  it('exits with 1 and names the file and position of what cannot be read', () => {
    fs.writeFileSync(
      path.join(dir(), 'bad.yaml'),
      'kind: DataProduct\nid: [x\n',
    );
    const run = runBin(['import', 'bad.yaml'], dir());
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^data-mesh-standards import: bad\.yaml:\d+:\d+: /,
    );
    expect(fs.readdirSync(dir())).toEqual(['bad.yaml']);
  });
});
