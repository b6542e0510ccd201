import fs from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { tempDirEachTest } from '../__testUtils__/fixtures';
import { runCli } from './runCli';

const FIXTURES = path.resolve(__dirname, '../__fixtures__');
/** The ODPS product of the fixtures and its two contracts. */
const ODPS_FILES = [
  'customer-360.odps.yaml',
  'customer-profile.odcs.yaml',
  'customer-events.odcs.yaml',
];

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      cwd,
      stdout: (t: string) => out.push(t),
      stderr: (t: string) => err.push(t),
    },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

describe('data-mesh-standards command', () => {
  const dir = tempDirEachTest();

  it('imports a product into catalog-info.yaml and its contracts, and prints the loss report', async () => {
    const run = io(path.join(FIXTURES, 'odps'));
    const out = path.join(dir(), 'product', 'catalog-info.yaml');
    const code = await runCli(['import', ...ODPS_FILES, '--out', out], run.io);
    expect(code).toBe(0);
    const entity = load(fs.readFileSync(out, 'utf8')) as any;
    expect(entity.metadata.name).toBe('customer-360');
    expect(fs.readdirSync(path.dirname(out)).sort()).toEqual([
      'catalog-info.yaml',
      'customer-events.odcs.yaml',
      'customer-profile.odcs.yaml',
    ]);
    expect(run.out()).toContain('Loss report (11):');
    expect(run.out()).toContain(
      'customer-360.odps.yaml x-cost-center: vendor extension: no equivalent',
    );
    expect(run.out()).toContain(
      'to set before the catalog accepts the product: spec.inputPorts[0].type\n',
    );
    expect(run.out()).toContain(
      'so not set (governance scores them as such): spec.type\n',
    );
  });

  it('imports a Data Contract Specification file, writing the ODCS 3.1 contract it converts to', async () => {
    const run = io(path.join(FIXTURES, 'dcs'));
    const out = path.join(dir(), 'catalog-info.yaml');
    const code = await runCli(
      ['import', 'payments.datacontract.yaml', '--out', out],
      run.io,
    );
    expect(code).toBe(0);
    const entity = load(fs.readFileSync(out, 'utf8')) as any;
    expect(entity.spec.outputPorts[0].contract).toBe('payments.odcs.yaml');
    const contract = load(
      fs.readFileSync(path.join(dir(), 'payments.odcs.yaml'), 'utf8'),
    ) as any;
    expect(contract).toMatchObject({
      apiVersion: 'v3.1.0',
      kind: 'DataContract',
      id: 'urn:datacontract:checkout:payments',
    });
    expect(run.out()).toContain(
      'so not set (governance scores them as such): spec.type, spec.domain\n',
    );
    expect(run.out()).not.toContain('before the catalog accepts');
  });

  it('exports a catalog-info.yaml as ODPS with the contracts beside it', async () => {
    const run = io(path.join(FIXTURES, 'odps'));
    const out = path.join(dir(), 'catalog-info.yaml');
    await runCli(['import', ...ODPS_FILES, '--out', out], run.io);
    const exportRun = io(dir());
    const code = await runCli(
      ['export', 'catalog-info.yaml', '--format', 'odps', '--out', 'odps'],
      exportRun.io,
    );
    expect(code).toBe(0);
    expect(fs.readdirSync(path.join(dir(), 'odps')).sort()).toEqual([
      'customer-events.odcs.yaml',
      'customer-profile.odcs.yaml',
      'product.odps.yaml',
    ]);
    // The given contract was the base: its server details survive.
    expect(
      fs.readFileSync(
        path.join(dir(), 'odps', 'customer-profile.odcs.yaml'),
        'utf8',
      ),
    ).toContain('account: acme');
    expect(exportRun.out()).toContain('Loss report: nothing lost.');
  });

  it('fails with the file and position on bad input and writes nothing', async () => {
    fs.writeFileSync(
      path.join(dir(), 'bad.odps.yaml'),
      'apiVersion: v1.0.0\nkind: DataProduct\nid: a: b\n',
    );
    const run = io(dir());
    const code = await runCli(
      ['import', 'bad.odps.yaml', '--out', 'out/catalog-info.yaml'],
      run.io,
    );
    expect(code).toBe(1);
    expect(run.err()).toMatch(
      /^data-mesh-standards import: bad\.odps\.yaml:3:\d+: /,
    );
    expect(fs.existsSync(path.join(dir(), 'out'))).toBe(false);
  });

  it('fails on a missing file, a bad format and bad usage', async () => {
    const run = io(dir());
    expect(await runCli(['import', 'nope.yaml'], run.io)).toBe(1);
    expect(run.err()).toContain('nope.yaml: cannot read the file');
    expect(
      await runCli(
        ['export', 'catalog-info.yaml', '--format', 'csv', '--out', 'x'],
        run.io,
      ),
    ).toBe(1);
    expect(await runCli(['convert'], run.io)).toBe(2);
    expect(run.err()).toContain('Usage:');
    expect(fs.readdirSync(dir())).toEqual([]);
  });
});
