#!/usr/bin/env node
// `npm run bench`: starts local registries with generated fleets (1,000 and 10,000 templates,
// every 100th with 200 tags), measures side by side in one run, and prints one table with a
// pass or fail line per target. Nothing here is asserted: machines are noisy.
// Options: --quick (fewer rounds), --no-browser (skip the code-server step).
import { execFile } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startFleetRegistry, startInProcessRegistry } from './support/registry.mjs';
import { count, ms } from './support/stats.mjs';
import { measureBundle } from './steps/bundle.mjs';
import { measureOverview } from './steps/overview.mjs';
import { measureRequests } from './steps/requests.mjs';
import { measureTreeItems } from './steps/treeItems.mjs';

const run = promisify(execFile);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');
const browser = !process.argv.includes('--no-browser');
const OVERVIEW_LATENCY_MS = 5;
const KB = 1000;

const rows = [];
const verdicts = [];

/** One table row; with a target, also a pass or fail line. */
function record(measure, result, target, passed) {
  rows.push([measure, result, target ?? '', passed === undefined ? '' : passed ? 'pass' : 'FAIL']);
  if (passed !== undefined) {
    verdicts.push(`${passed ? 'PASS' : 'FAIL'} ${measure}: ${result} (target ${target})`);
  }
  console.error(`  measured: ${measure}: ${result}`);
}

const registries = [];
async function registry(templates, options = {}) {
  console.error(`Starting a local registry with ${count(templates)} templates…`);
  const start = options.inProcess ? startInProcessRegistry : startFleetRegistry;
  const started = await start(templates, options);
  registries.push(started);
  return started;
}

async function requests(fleet) {
  const rounds = fleet.templates >= 10_000 ? (quick ? 10 : 40) : quick ? 50 : 300;
  const result = await measureRequests(fleet, {
    listRounds: rounds,
    detailCount: 200,
    detailRounds: quick ? 2 : 5,
  });
  const name = count(fleet.templates);
  const { list, detail } = result;
  record(
    `client list, ${name} templates, vs bare undici + JSON.parse (median ratio per call)`,
    `×${list.ratio.toFixed(2)} (${ms(list.client)} vs ${ms(list.bare)})`,
    '≤ ×1.10',
    list.ratio <= 1.1,
  );
  record(
    `client detail, ${result.detailCalls} templates of ${name}, vs bare (median ratio per call)`,
    `×${detail.ratio.toFixed(2)} (median ${ms(detail.client)} vs ${ms(detail.bare)} per call)`,
    '≤ ×1.10',
    detail.ratio <= 1.1,
  );
}

/** `12.3 ms CPU (15.0 ms wall)`: the CPU time is what the code costs on a shared machine. */
function cpuAndWall(clock) {
  return `${ms(clock.cpu)} CPU (${ms(clock.wall)} wall)`;
}

async function treeItems(fleet) {
  const result = await measureTreeItems(fleet, { rounds: quick ? 3 : 7 });
  const name = count(fleet.templates);
  const rowsOf = (what, clock) =>
    record(`tree rows for ${name} templates (${what})`, cpuAndWall(clock), '< 50 ms',
      clock.cpu < 50);
  rowsOf('expand: the first 1,000 rows', result.paged);
  rowsOf('all rows, list only', result.listOnly);
  record(`details of ${name} templates, 8 requests at once`, ms(result.detailsLoad));
  rowsOf('all rows, with details', result.withDetails);
  rowsOf('all rows, arch filter, by last push', result.sortedFiltered);
}

async function overview(fleet) {
  const parallel = await measureOverview(fleet, 8);
  const serial = await measureOverview(fleet, 1);
  const name = `${count(fleet.templates)} templates, ${OVERVIEW_LATENCY_MS} ms registry latency`;
  record(
    `overview of ${name}: concurrency 8 vs 1`,
    `${ms(parallel.ms)} vs ${ms(serial.ms)} = ×${(serial.ms / parallel.ms).toFixed(1)} faster`,
  );
  const sockets = (run, concurrency) => record(
    `sockets opened by the overview at concurrency ${concurrency}`,
    String(run.sockets),
    `≤ ${concurrency}`,
    run.sockets <= concurrency,
  );
  sockets(parallel, 8);
  sockets(serial, 1);
}

async function bundle() {
  const result = await measureBundle({ activations: quick ? 3 : 7 });
  const parts = result.parts
    .map((part) => `${part.name} ${(part.bytes / KB).toFixed(0)}`)
    .join(', ');
  record(
    'bundle, minified (KB = 1,000 bytes)',
    `${(result.bytes / KB).toFixed(1)} KB (${parts})`,
    '< 400 KB',
    result.bytes < 400 * KB,
  );
  record(
    'bundle load + activate, stubbed vscode (Node built-ins preloaded)',
    cpuAndWall(result.activate),
    '< 30 ms',
    result.activate.cpu < 30,
  );
}

async function heap(fleet, mode) {
  const child = path.join(HERE, 'steps', 'heap-child.mjs');
  const args = ['--expose-gc', child, fleet.url, String(fleet.templates), mode];
  const { stdout } = await run(process.execPath, args, { maxBuffer: 1024 * 1024 });
  const result = JSON.parse(stdout);
  const mb = result.bytes / 1_000_000;
  const which = mode === 'long'
    ? `${result.expanded} (${result.long200} of them with 200 tags)`
    : `the first ${result.expanded} rows (${result.long200} with 200 tags)`;
  record(
    `heap after listing ${count(fleet.templates)} templates and expanding ${which}`,
    `${mb.toFixed(1)} MB (${count(result.tags)} tag rows)`,
    '< 30 MB',
    mb < 30,
  );
}

async function clickToRows(templates) {
  const { measureClickToRows } = await import('./steps/clickToRows.mjs');
  const result = await measureClickToRows(templates);
  record(
    `code-server: click to first rows, ${count(templates)} templates`,
    `${ms(result.ms)} (${result.rendered} rows in the DOM)`,
  );
}

async function step(title, action) {
  console.error(`\n== ${title}`);
  try {
    await action();
  } catch (error) {
    record(title, `could not be measured: ${error.message.split('\n')[0]}`);
  }
}

function printTable() {
  const header = ['Measure', 'Result', 'Target', ''];
  const lines = [header, header.map(() => '---'), ...rows]
    .map((cells) => `| ${cells.join(' | ')} |`);
  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'})`;
  const load = loadavg()[0]?.toFixed(1) ?? '?';
  const date = new Date().toISOString().slice(0, 10);
  console.log(`\nAnka Registry Explorer benchmark: ${machine}, Node ${process.version}, ${date},`
    + ` load average ${load}\n`);
  console.log(lines.join('\n'));
  console.log(`\n${verdicts.join('\n')}`);
}

try {
  const small = await registry(1_000);
  const big = await registry(10_000);
  const slow = await registry(1_000, { latencyMs: OVERVIEW_LATENCY_MS, inProcess: true });
  await step('Requests, 1,000 templates', () => requests(small));
  await step('Requests, 10,000 templates', () => requests(big));
  await step('Tree rows, 10,000 templates', () => treeItems(big));
  await step('Registry Overview, 1,000 templates', () => overview(slow));
  await step('Bundle', () => bundle());
  await step('Heap, 10,000 templates', () => heap(big, 'view'));
  await step('Heap, 10,000 templates, long templates', () => heap(big, 'long'));
  if (browser) {
    await step('code-server, 10,000 templates', () => clickToRows(10_000));
  }
} finally {
  await Promise.all(registries.map((started) => started.close()));
}
printTable();
process.exit(0);
