/*
 * Converts 10,000 product files of each standard (ODPS with its ODCS
 * contract, DPDS, DCS, ODCS alone) and prints files per second and peak
 * memory. A DCS import is measured twice: as the catalog uses it (the entity
 * and the loss report) and with the converted ODCS contract's text read, as
 * the API and the command line use it. One core: run with `yarn bench` (no workers). `BENCH_ONLY=DCS`
 * runs the conversions whose label contains `DCS` alone, for example under
 * `node --cpu-prof --import tsx bench/convert.bench.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { importProduct } from '../src/import/importProduct';
import { exportProduct } from '../src/export/exportProduct';
import type { ImportResult, StandardFile } from '../src/types';

const FIXTURES = path.resolve(__dirname, '../src/__fixtures__');
const COUNT = Number(process.env.BENCH_COUNT ?? 10000);
/** Runs only the conversions whose label contains it (for example `DCS`), for profiling. */
const ONLY = process.env.BENCH_ONLY;

function read(dir: string, file: string): StandardFile {
  return {
    path: file,
    content: fs.readFileSync(path.join(FIXTURES, dir, file), 'utf8'),
  };
}

/** Product `i`: the fixture with its ids and names made unique, so that nothing is cached. */
function variant(files: StandardFile[], i: number): StandardFile[] {
  return files.map(f => ({
    path: f.path,
    content: f.content
      .replace(/customer-360|Customer 360/g, m => `${m}-${i}`)
      .replace(/"orders"/g, `"orders-${i}"`)
      .replace(
        /urn:datacontract:checkout:payments/g,
        `urn:datacontract:checkout:payments-${i}`,
      ),
  }));
}

const SETS: Record<string, StandardFile[]> = {
  'ODPS 1.0 + 2 ODCS contracts': [
    read('odps', 'customer-360.odps.yaml'),
    read('odps', 'customer-profile.odcs.yaml'),
    read('odps', 'customer-events.odcs.yaml'),
  ],
  'DPDS 1.0 + port file + ODCS': [
    read('dpds', 'orders.dpds.json'),
    read('dpds', 'ports/orders-table.yaml'),
    read('dpds', 'orders.odcs.yaml'),
  ],
  'DCS 1.2.1': [read('dcs', 'payments.datacontract.yaml')],
  'ODCS 3.1 alone': [read('odps', 'customer-profile.odcs.yaml')],
};

const print = (line: string) => process.stdout.write(`${line}\n`);

let peak = 0;
const sample = () => {
  peak = Math.max(peak, process.memoryUsage().rss);
};

function run(
  label: string,
  filesPerProduct: number,
  work: (i: number) => void,
) {
  if (ONLY && !label.includes(ONLY)) return;
  for (let i = 0; i < 200; i++) work(i); // warm-up
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < COUNT; i++) {
    work(i);
    if (i % 500 === 0) sample();
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  sample();
  // Wall time counts the time other processes hold the core; CPU time is this process's own.
  const files = COUNT * filesPerProduct;
  print(
    `${label.padEnd(38)} ${COUNT} products, ${files} files in ${seconds.toFixed(
      2,
    )} s wall / ${cpuSeconds.toFixed(2)} s CPU: ` +
      `${Math.round(files / seconds)} files/s wall, ${Math.round(
        files / cpuSeconds,
      )} files/s per CPU second ` +
      `(${Math.round(COUNT / cpuSeconds)} products/s per CPU second)`,
  );
}

/** Reads every contract file's text: a DCS import writes its ODCS contract's text when it is first read. */
const readTexts = (result: ImportResult) =>
  result.contracts.reduce((length, c) => length + c.content.length, 0);

for (const [name, files] of Object.entries(SETS)) {
  const inputs = Array.from({ length: COUNT }, (_, i) => variant(files, i));
  run(`import ${name}`, files.length, i => importProduct(inputs[i]));
  if (name.startsWith('DCS')) {
    // What the API and the command line do: they answer or write the contract file.
    run(`import ${name} + ODCS text`, files.length, i =>
      readTexts(importProduct(inputs[i])),
    );
  }
}
const imported = importProduct(SETS['ODPS 1.0 + 2 ODCS contracts']);
for (const format of ['odps', 'dpds'] as const) {
  const filesPerExport = exportProduct(imported.entity, {
    format,
    contracts: imported.contracts,
  }).files.length;
  run(`export ${format} (${filesPerExport} files each)`, filesPerExport, () =>
    exportProduct(imported.entity, { format, contracts: imported.contracts }),
  );
}
print(`peak memory (RSS): ${Math.round(peak / 1024 / 1024)} MB`);
