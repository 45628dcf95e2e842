// Bundles the extension into one file for the extension host; `vscode` stays external.
import { writeFile } from 'node:fs/promises';
import * as esbuild from 'esbuild';
import { undiciTrim } from './lib/undici-trim.mjs';
import { yamlWriterOnly } from './lib/yaml-writer-only.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// `--outfile=PATH` and `--metafile=PATH` let the benchmark build beside dist/ and read the sizes.
const argument = (name) =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const metafile = argument('metafile');

const options = {
  entryPoints: ['src/extension.ts'],
  bundle: true,
  outfile: argument('outfile') ?? 'dist/extension.js',
  external: ['vscode'],
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: production,
  sourcemap: production ? false : 'linked',
  legalComments: 'none',
  logLevel: 'info',
  metafile: metafile !== undefined,
  plugins: [undiciTrim, yamlWriterOnly],
};

if (watch) {
  const context = await esbuild.context(options);
  await context.watch();
} else {
  const result = await esbuild.build(options);
  if (metafile) await writeFile(metafile, JSON.stringify(result.metafile));
}
