// An esbuild plugin: the extension only writes YAML (js-yaml's `dump`), but the package's ESM
// entry carries its reader as well, 22 KB of the bundle. This resolves `js-yaml` to the writer's
// own file of the same package; `load` and the other exports fail with a clear message if code
// ever starts to use them, in which case drop this plugin from scripts/build.mjs.
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const NAMESPACE = 'yaml-writer-only';

export const yamlWriterOnly = {
  name: NAMESPACE,
  setup(build) {
    build.onResolve({ filter: /^js-yaml$/ }, () => ({ path: 'js-yaml', namespace: NAMESPACE }));
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, () => {
      const dumper = path.join(path.dirname(require.resolve('js-yaml')), 'lib', 'dumper.js');
      return {
        contents: [
          `const { dump } = require(${JSON.stringify(dumper)});`,
          'const missing = (name) => () => {',
          '  throw new Error(`js-yaml ${name} is not part of this build (yaml-writer-only.mjs)`);',
          '};',
          "module.exports = { dump, load: missing('load'), loadAll: missing('loadAll') };",
        ].join('\n'),
        loader: 'js',
        resolveDir: path.dirname(dumper),
      };
    });
  },
};
