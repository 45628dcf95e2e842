// Large generated fleets for the benchmark and the big-registry tests: thousands of templates,
// a few with hundreds of tags, all deterministic so runs compare.
import type { SeedTemplate } from './model';
import { chainTemplate, type TagStep } from './seedBuilders';

export interface FleetOptions {
  /** Every n-th template gets `manyTags` tags; the others get 1 to 4. */
  manyTagsEvery?: number;
  manyTags?: number;
  /** Unix seconds the dates count back from. */
  now?: number;
}

const MACOS = ['ventura', 'sonoma', 'sequoia', 'tahoe'];
const TOOLS = ['xcode-15.4', 'xcode-16.2', 'xcode-26.1', 'flutter', 'unity', 'react-native'];
const DAY = 86_400;

/** A stable pseudo-random number in [0, 1) for an index and a salt. */
function noise(index: number, salt: number): number {
  const x = Math.sin(index * 12.9898 + salt * 78.233) * 43758.5453;
  return x - Math.floor(x);
}

function templateId(index: number): string {
  const hex = index.toString(16).padStart(12, '0');
  return `f1ee7000-0000-4000-8000-${hex}`;
}

export function generateFleet(count: number, options: FleetOptions = {}): SeedTemplate[] {
  const now = options.now ?? Math.floor(Date.UTC(2026, 11, 1) / 1000);
  const every = options.manyTagsEvery ?? 100;
  const many = options.manyTags ?? 200;
  const fleet: SeedTemplate[] = [];
  for (let index = 0; index < count; index++) {
    const os = MACOS[index % MACOS.length] as string;
    const tool = TOOLS[Math.floor(index / MACOS.length) % TOOLS.length] as string;
    const tagCount = index % every === every - 1 ? many : 1 + Math.floor(noise(index, 1) * 4);
    const age = Math.floor(noise(index, 2) * 400) * DAY;
    const steps: TagStep[] = [];
    for (let tag = 0; tag < tagCount; tag++) {
      // An hour between tags, the newest `age` before `now`: no date lies in the future.
      const created = now - age - (tagCount - 1 - tag) * 3600;
      steps.push({
        tag: tag === 0 ? 'base' : `build-${tag}`,
        layerGiB: tag === 0 ? 14 + noise(index, 3) * 12 : 0.02 + noise(index + tag, 4) * 0.25,
        created,
        // Never after `now`: a registry cannot report a pull that has not happened.
        lastPull: Math.min(now, created + Math.floor(noise(index, 5) * 30) * DAY),
      });
    }
    fleet.push(
      chainTemplate(
        {
          id: templateId(index),
          name: `${os}-${tool}-${String(index).padStart(5, '0')}`,
          arch: index % 5 === 0 ? 'amd64' : 'arm64',
        },
        steps,
      ),
    );
  }
  return fleet;
}
