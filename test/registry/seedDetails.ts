// Templates that test the details views: markup in every name, a tag name used twice, a version
// without a tag name, and a template without tags.
import type { SeedTemplate } from './model';
import { chainTemplate, sshRule } from './seedBuilders';

export const HOSTILE_ID = '7e57a11c-0000-4000-8000-3c1e7e57a11c';
export const HOSTILE_NAME = '<img src=x onerror=alert(1)>';
export const HOSTILE_TAG = '"><script>alert(2)</script>';
export const HOSTILE_DESCRIPTION = '<b onmouseover=alert(3)>bold</b> & \'quoted\'';

export const AMBIGUOUS_ID = 'a3b1c2d0-1111-4000-8000-000000000001';
export const EMPTY_ID = 'e3e3e3e3-2222-4000-8000-000000000002';

function unix(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}

function hostile(): SeedTemplate {
  const template = chainTemplate({ id: HOSTILE_ID, name: HOSTILE_NAME, arch: 'arm64' }, [
    { tag: 'base', layerGiB: 12, created: unix('2026-10-01T08:00:00Z'),
      description: HOSTILE_DESCRIPTION, config: { rules: [sshRule('<i>ssh</i>')] } },
    { tag: HOSTILE_TAG, layerGiB: 1.5, created: unix('2026-11-01T08:00:00Z'),
      description: '</pre><svg onload=alert(4)>', config: { ram: '<u>8G</u>' } },
  ]);
  const newest = template.versions[1];
  if (newest) {
    newest.config.display.frame_buffer.password = '<s>secret</s>';
  }
  return template;
}

/** "stable" names versions 0 and 2; version 1 has no tag name at all. */
function ambiguous(): SeedTemplate {
  const template = chainTemplate({ id: AMBIGUOUS_ID, name: 'retagged', arch: 'amd64' }, [
    { tag: 'stable', layerGiB: 10, created: unix('2026-09-01T08:00:00Z'), config: { cores: 2 } },
    { tag: 'untagged', layerGiB: 0.5, created: unix('2026-09-02T08:00:00Z'), config: { cores: 4 } },
    { tag: 'stable-again', layerGiB: 0.5, created: unix('2026-09-03T08:00:00Z'),
      config: { cores: 8 } },
  ]);
  const [, untagged, again] = template.versions;
  if (untagged && again) {
    untagged.tag = '';
    again.tag = 'stable';
  }
  return template;
}

function empty(): SeedTemplate {
  return { id: EMPTY_ID, name: 'no-tags-yet', arch: 'arm64', fileSizes: {}, versions: [] };
}

/** The tricky templates; add them to the sample fleet with `[...sampleTemplates(), ...]`. */
export function detailsTemplates(): SeedTemplate[] {
  return [hostile(), ambiguous(), empty()];
}
