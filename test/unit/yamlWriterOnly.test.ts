import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { renderConfigYaml } from '../../src/details/configYaml';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

type ConfigYamlModule = typeof import('../../src/details/configYaml');

describe('the YAML writer the bundle carries', () => {
  it('writes the same YAML as js-yaml, without the package\'s reader', async () => {
    const esbuild = await import('esbuild');
    const plugin = path.join(REPO_ROOT, 'scripts', 'lib', 'yaml-writer-only.mjs');
    const { yamlWriterOnly } = (await import(pathToFileURL(plugin).href)) as {
      yamlWriterOnly: import('esbuild').Plugin;
    };
    const result = await esbuild.build({
      stdin: {
        contents: "module.exports = require('./src/details/configYaml.ts');",
        resolveDir: REPO_ROOT,
        loader: 'js',
      },
      bundle: true,
      write: false,
      format: 'cjs',
      platform: 'node',
      metafile: true,
      logLevel: 'silent',
      plugins: [yamlWriterOnly],
    });
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(inputs.some((input) => input.endsWith('js-yaml/lib/dumper.js')), 'the writer is in');
    assert.ok(!inputs.some((input) => /js-yaml\/(lib\/loader\.js|dist\/)/.test(input)),
      `no reader: ${inputs.filter((input) => input.includes('js-yaml')).join(', ')}`);

    const bundled = { exports: {} as ConfigYamlModule };
    new Function('module', 'exports', 'require', result.outputFiles[0]!.text)(
      bundled, bundled.exports, require,
    );
    const config = {
      name: 'sequoia <b>',
      cpu: { cores: 4 },
      ram: '8G',
      network: { port_forwarding: [{ guest_port: 22, host_port: 0, rule_name: 'ssh' }] },
      display: { vnc: { password: 'admin', enabled: true } },
      notes: 'multi\nline: "quoted"',
      disks: [{ size: 85899345920, file: 'a.ank' }],
      firmware: null,
    };
    const options = { header: ['VM config of tag "ssh"'] };
    const written = bundled.exports.renderConfigYaml(config, options);
    assert.equal(written, renderConfigYaml(config, options));
  });
});
