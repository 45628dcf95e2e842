// Progress parsing: cumulative percentages become increments that never go back or past 100.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineSplitter, progressMessage, ProgressTracker, type ProgressEvent } from '../../src/cli';

interface Read {
  events: ProgressEvent[];
  sum: number;
  tracker: ProgressTracker;
}

function readAll(lines: string[]): Read {
  const tracker = new ProgressTracker();
  const events = lines.map((line) => tracker.read(line)).filter((e): e is ProgressEvent => !!e);
  const sum = events.reduce((total, e) => total + (e.kind === 'progress' ? e.increment : 0), 0);
  return { events, sum, tracker };
}

describe('progress tracker', () => {
  it('turns cumulative percentages into increments that add up to 100', () => {
    const { events, sum } = readAll(['downloading: 10%', 'downloading: 35%', 'downloading: 100%']);
    assert.deepEqual(
      events.map((e) => (e.kind === 'progress' ? e.increment : -1)),
      [10, 25, 65],
    );
    assert.equal(sum, 100);
    assert.equal(events[0]?.kind === 'progress' && events[0].stage, 'downloading');
  });

  it('reads decimals, bars and ANSI colours', () => {
    const { events } = readAll([
      '\u001b[32m[=====>    ] 45.5%\u001b[0m',
      'uploading layer 2 of 3 - 50 %',
    ]);
    assert.equal(events[0]?.percent, 45.5);
    assert.equal(events[0]?.stage, undefined);
    assert.equal(events[1]?.stage, 'uploading layer 2 of 3');
    assert.equal(events[1]?.percent, 50);
  });

  it('never goes backwards: a lower percentage of the same stage is a restart', () => {
    const { events, sum, tracker } = readAll([
      'downloading: 40%',
      'downloading: 10%',
      'downloading: 30%',
      'downloading: 60%',
    ]);
    assert.deepEqual(events.map((e) => e.kind), ['progress', 'restart', 'progress', 'progress']);
    assert.equal(sum, 60);
    assert.equal(tracker.total, 60);
    const catching = events[2];
    assert.ok(catching?.kind === 'progress' && catching.catchingUp && catching.increment === 0);
    const caughtUp = events[3];
    assert.ok(caughtUp?.kind === 'progress' && !caughtUp.catchingUp && caughtUp.increment === 20);
  });

  it('reports restart words as a message without moving the bar', () => {
    const { events, sum } = readAll([
      'downloading: 50%',
      'connection interrupted at 55%, restarting download',
      'downloading: 5%',
    ]);
    assert.equal(events[1]?.kind, 'restart');
    assert.match(progressMessage(events[1] as ProgressEvent), /^restarted/);
    assert.equal(sum, 50);
    assert.match(progressMessage(events[2] as ProgressEvent), /^restarted · downloading · 5%$/);
  });

  it('treats a new stage starting low as a stage, not a restart', () => {
    const { events, sum } = readAll(['downloading: 100%', 'extracting: 5%']);
    assert.deepEqual(events.map((e) => e.kind), ['progress', 'progress']);
    assert.equal(sum, 100);
    assert.equal(progressMessage(events[1] as ProgressEvent), 'extracting · 5%');
  });

  it('ignores garbage: no percentage, NaN, above 100, empty and very long lines', () => {
    const { events, sum } = readAll([
      '',
      '[debug] tls handshake',
      'progress: NaN%',
      'cpu 250% of one core',
      `${'x'.repeat(500)} 50%`,
      '{"partial": ',
      '\u0007\u0000',
    ]);
    assert.deepEqual(events, []);
    assert.equal(sum, 0);
  });

  it('keeps a short note after the percentage for the message', () => {
    const { events } = readAll([
      'downloading: 45% (9.1 GiB of 20.2 GiB)',
      'uploading 50% of 3 layers',
    ]);
    const first = progressMessage(events[0] as ProgressEvent);
    assert.equal(first, 'downloading · 45% (9.1 GiB of 20.2 GiB)');
    assert.equal(progressMessage(events[1] as ProgressEvent), 'uploading · 50%');
  });

  it('stays at 100 when percentages repeat', () => {
    const { sum } = readAll(['a: 100%', 'a: 100%', 'b: 100%']);
    assert.equal(sum, 100);
  });
});

describe('line splitter', () => {
  it('splits on \\n, \\r\\n and a bare \\r across chunks', () => {
    const splitter = new LineSplitter();
    const lines = [
      ...splitter.push('one\r\ntw'),
      ...splitter.push('o\r[==>  ] 10%\r[===> ] 20%\nlast'),
      ...splitter.flush(),
    ];
    assert.deepEqual(lines, ['one', 'two', '[==>  ] 10%', '[===> ] 20%', 'last']);
  });
});
