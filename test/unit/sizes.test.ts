import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeLayers } from '../../src/details/layers';
import { diskShare, formatChange, formatPercent, templateSizes } from '../../src/details/sizes';
import { formatBytes } from '../../src/format';
import { parseTemplate } from '../../src/registry/parse';
import type { Template } from '../../src/registry/models';

/** The "sequoia" template exactly as the registry's API page shows it. */
const SEQUOIA = parseTemplate({
  id: '2db3814c-2913-42b9-ae42-c33f1e6124d4',
  name: 'sequoia',
  versions: [
    {
      number: 0, tag: 'suspended',
      images: ['b16512b62a07485e853e6c67426094c0.ank', '3b1d13f4a360444788a046ac98d7925d.ank'],
      state_files: ['16b5fd251f724d699df853e7718d750a.ank'],
      state_file: '16b5fd251f724d699df853e7718d750a.ank', size: 26937917952,
    },
    {
      number: 1, tag: 'ssh',
      images: ['b16512b62a07485e853e6c67426094c0.ank', '3b1d13f4a360444788a046ac98d7925d.ank'],
      state_files: ['27a1c0f5c902420395ca32db43aa97be.ank', '16b5fd251f724d699df853e7718d750a.ank'],
      state_file: '27a1c0f5c902420395ca32db43aa97be.ank', size: 26937922052,
    },
    {
      number: 2, tag: 'java17',
      images: [
        '808ed9baffd04a888e157de653a9fd7a.ank',
        'b16512b62a07485e853e6c67426094c0.ank',
        '3b1d13f4a360444788a046ac98d7925d.ank',
      ],
      state_files: [], state_file: '', size: 28217180160,
    },
  ],
  size: 28221379076,
  arch: 'arm64',
});

/** A chain where each tag adds one layer of the given size on top of the previous tag. */
function chain(layerSizes: Array<number | undefined>, templateSize?: number): Template {
  const images: string[] = [];
  let running = 0;
  const versions = layerSizes.map((layer, number) => {
    images.unshift(`layer${number}.ank`);
    running += layer ?? 0;
    return {
      number,
      tag: `t${number}`,
      images: [...images],
      state_files: null,
      size: layer === undefined ? undefined : running,
    };
  });
  return parseTemplate({ id: 'chain', name: 'chain', versions, size: templateSize ?? running });
}

describe('templateSizes', () => {
  it('finds what each tag adds over the tag before, layers and state files apart', () => {
    const sizes = templateSizes(SEQUOIA);
    const [suspended, ssh, java] = sizes.tags;
    assert.deepEqual(suspended?.newLayers.length, 2);
    assert.deepEqual(suspended?.newStateFiles, ['16b5fd251f724d699df853e7718d750a.ank']);
    assert.deepEqual(ssh?.newLayers, []);
    assert.deepEqual(ssh?.newStateFiles, ['27a1c0f5c902420395ca32db43aa97be.ank']);
    assert.equal(ssh?.addedBytes, 4100);
    assert.equal(ssh?.change, 4100);
    assert.deepEqual(java?.newLayers, ['808ed9baffd04a888e157de653a9fd7a.ank']);
    assert.equal(java?.droppedFiles.length, 2, 'java17 no longer uses the two state files');
    // The size change hides the new layer behind the dropped states; the derived size does not.
    assert.equal(java?.addedBytes, 1283457024);
    assert.equal(java?.change, 28217180160 - 26937922052);
  });

  it('adds the tag sizes up and says what sharing saves, far above 2^32', () => {
    const sizes = templateSizes(SEQUOIA);
    assert.equal(sizes.sumOfTagSizes, 26937917952 + 26937922052 + 28217180160);
    assert.equal(sizes.storedTotal, 28221379076);
    assert.equal(sizes.sharingSaves, 82093020164 - 28221379076);
    assert.ok((sizes.sharingSaves ?? 0) > 2 ** 32);
  });

  it('keeps going when tags have no size: the sum and the savings are unknown', () => {
    const sizes = templateSizes(chain([10 * 2 ** 30, undefined, 2 ** 30], 13 * 2 ** 30));
    assert.equal(sizes.missingSizes, 1);
    assert.equal(sizes.sumOfTagSizes, undefined);
    assert.equal(sizes.sharingSaves, undefined);
    assert.equal(sizes.tags[1]?.change, undefined);
    assert.equal(sizes.tags[2]?.change, undefined);
  });

  it('handles a template without tags and one without any size', () => {
    const empty = templateSizes(parseTemplate({ id: 'e', name: 'e', versions: [], size: 0 }));
    assert.deepEqual(empty.tags, []);
    assert.equal(empty.sharingSaves, undefined);
    const unknown = templateSizes(parseTemplate({ id: 'u', name: 'u', versions: [{ number: 0 }] }));
    assert.equal(unknown.storedTotal, undefined);
    assert.equal(unknown.tags[0]?.size, undefined);
    assert.equal(unknown.tags[0]?.addedBytes, 0, 'a version without files adds nothing');
  });
});

describe('analyzeLayers', () => {
  it('derives every layer size of a plain chain', () => {
    const layers = [19 * 2 ** 30, 3 * 2 ** 30, 500 * 2 ** 20, 2 ** 33 + 7];
    const analysis = analyzeLayers(chain(layers));
    assert.ok(analysis.consistent);
    for (const [number, size] of layers.entries()) {
      const file = analysis.files.find((item) => item.file === `layer${number}.ank`);
      assert.equal(analysis.groups[file?.group ?? -1]?.size, size, `layer${number}`);
    }
  });

  it('says which tags share each file, ordered by the tag that brought it', () => {
    const analysis = analyzeLayers(SEQUOIA);
    const usage = analysis.files.map((file) => [file.file.slice(0, 4), file.kind, file.usedBy]);
    assert.deepEqual(usage, [
      ['b165', 'layer', [0, 1, 2]],
      ['3b1d', 'layer', [0, 1, 2]],
      ['16b5', 'state', [0, 1]],
      ['27a1', 'state', [1]],
      ['808e', 'layer', [2]],
    ]);
  });

  it('gives files that always travel together one size, and solves the rest', () => {
    const analysis = analyzeLayers(SEQUOIA);
    const sizeOf = (prefix: string) => {
      const file = analysis.files.find((item) => item.file.startsWith(prefix));
      return analysis.groups[file?.group ?? -1];
    };
    assert.deepEqual(sizeOf('b165')?.files.length, 2);
    assert.equal(sizeOf('b165')?.size, 24696061952 + 2237661184);
    assert.equal(sizeOf('16b5')?.size, 4194816);
    assert.equal(sizeOf('27a1')?.size, 4100);
    assert.equal(sizeOf('808e')?.size, 1283457024);
  });

  it('leaves sizes unknown when the sums do not determine them', () => {
    const independent = parseTemplate({
      id: 'x', name: 'x', size: 30,
      versions: [
        { number: 0, images: ['a.ank', 'b.ank'], size: 20 },
        { number: 1, images: ['b.ank', 'c.ank'], size: 20 },
      ],
    });
    const analysis = analyzeLayers(independent);
    assert.ok(analysis.consistent);
    // a+b=20, b+c=20, a+b+c=30: c=10, a=10, then b=10.
    assert.deepEqual(analysis.groups.map((group) => group.size), [10, 10, 10]);
    const underdetermined = analyzeLayers(parseTemplate({
      id: 'y', name: 'y',
      versions: [
        { number: 0, images: ['a.ank', 'b.ank'], size: 20 },
        { number: 1, images: ['b.ank', 'c.ank'], size: 25 },
      ],
    }));
    const unknown = underdetermined.groups.map((group) => group.size);
    assert.deepEqual(unknown, [undefined, undefined, undefined]);
  });

  it('shows no size at all when the registry\'s figures contradict each other', () => {
    const broken = parseTemplate({
      id: 'z', name: 'z', size: 5,
      versions: [
        { number: 0, images: ['a.ank'], size: 10 },
        { number: 1, images: ['b.ank', 'a.ank'], size: 12 },
      ],
    });
    const analysis = analyzeLayers(broken);
    assert.equal(analysis.consistent, false);
    assert.ok(analysis.groups.every((group) => group.size === undefined));
    assert.equal(templateSizes(broken).tags[1]?.addedBytes, undefined);
    assert.equal(templateSizes(broken).tags[1]?.change, 2, 'the plain size change still shows');
  });

  it('stays quick and bounded on a long chain', () => {
    const layers = Array.from({ length: 60 }, (_, index) => (index + 1) * 2 ** 28);
    const started = Date.now();
    const analysis = analyzeLayers(chain(layers));
    assert.ok(Date.now() - started < 2000);
    assert.ok(analysis.groups.every((group, index) => group.size === layers[index]));
  });
});

describe('diskShare', () => {
  it('splits the disk into this template, everything else, and free space', () => {
    const disk = { free: 335356690432, total: 1000240963584, used: undefined };
    const share = diskShare(disk, 28221379076);
    assert.ok(share);
    assert.equal(share.used, 1000240963584 - 335356690432);
    assert.equal(share.template, 28221379076);
    assert.equal(share.other, share.used - 28221379076);
    const sum = share.templateFraction + share.otherFraction + share.freeFraction;
    assert.ok(Math.abs(sum - 1) < 1e-9);
  });

  it('is undefined without a total, and never shows more than is used or free', () => {
    assert.equal(diskShare({ free: 1, total: undefined, used: undefined }, 1), undefined);
    assert.equal(diskShare({ free: 0, total: 0, used: 0 }, 1), undefined);
    const odd = diskShare({ free: 2000, total: 1000, used: undefined }, 500);
    assert.equal(odd?.free, 1000);
    assert.equal(odd?.template, 0);
    const unknown = diskShare({ free: 10, total: 100, used: 90 }, undefined);
    assert.equal(unknown?.template, 0);
    assert.equal(unknown?.other, 90);
  });
});

describe('formatPercent and formatChange', () => {
  it('formats fractions for labels', () => {
    assert.equal(formatPercent(0), '0%');
    assert.equal(formatPercent(0.0004), '<0.1%');
    assert.equal(formatPercent(0.0282), '2.8%');
    assert.equal(formatPercent(0.655), '66%');
  });

  it('signs size changes', () => {
    assert.equal(formatChange(3 * 2 ** 30, formatBytes), '+3.0 GiB');
    assert.equal(formatChange(-4096, formatBytes), '−4.0 KiB');
    assert.equal(formatChange(0, formatBytes), 'no change');
    assert.equal(formatChange(undefined, formatBytes), 'unknown');
  });
});
