import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OpenPanels } from '../../src/webviews/openPanels';

/** A panel as the set sees it: closing it (disposing) tells its listeners, once. */
class FakePanel {
  disposed = 0;
  private readonly listeners: Array<() => void> = [];

  constructor(readonly name: string) {}

  onDidClose(listener: () => void): void {
    this.listeners.push(listener);
  }

  dispose(): void {
    this.disposed++;
    this.listeners.splice(0).forEach((listener) => listener());
  }
}

describe('OpenPanels', () => {
  it('finds a panel by its key until the panel closes', () => {
    const panels = new OpenPanels<FakePanel>();
    const sequoia = panels.add('sequoia', new FakePanel('sequoia'));
    const sonoma = panels.add('sonoma', new FakePanel('sonoma'));
    assert.equal(panels.get('sequoia'), sequoia);
    assert.deepEqual(panels.all().map((panel) => panel.name), ['sequoia', 'sonoma']);

    sequoia.dispose();
    assert.equal(panels.get('sequoia'), undefined);
    assert.deepEqual(panels.all(), [sonoma]);
  });

  it('keeps the newer panel when an older one under the same key closes later', () => {
    const panels = new OpenPanels<FakePanel>();
    const older = panels.add('sequoia', new FakePanel('older'));
    const restored = panels.add('sequoia', new FakePanel('restored'));
    older.dispose();
    assert.equal(panels.get('sequoia'), restored);
  });

  it('closes every panel once and forgets them all on dispose', () => {
    const panels = new OpenPanels<FakePanel>();
    const opened = [panels.add('a', new FakePanel('a')), panels.add('b', new FakePanel('b'))];
    panels.dispose();
    assert.deepEqual(opened.map((panel) => panel.disposed), [1, 1]);
    assert.deepEqual(panels.all(), []);
    assert.equal(panels.get('a'), undefined);
  });
});
