// Collects each suite's counts and prints them, ending with the one line CI reads.

export class Summary {
  #suites = [];

  /** Records a suite that ran. */
  add(name, { passed, failed }) {
    this.#suites.push({ name, passed, failed, problem: null });
  }

  /** Records a suite that could not run: it counts as one failure, never as 0/0. */
  addBroken(name, problem) {
    this.#suites.push({ name, passed: 0, failed: 1, problem });
  }

  get failed() {
    return this.#suites.reduce((sum, suite) => sum + suite.failed, 0);
  }

  get passed() {
    return this.#suites.reduce((sum, suite) => sum + suite.passed, 0);
  }

  /** Prints one line per suite, then `N passed, N failed` as the very last line. */
  print() {
    console.log('\nTest suites:');
    for (const suite of this.#suites) {
      const counts = `passed ${suite.passed}, failed ${suite.failed}`;
      const note = suite.problem ? ` (could not run: ${suite.problem})` : '';
      console.log(`  ${suite.name.padEnd(16)} ${counts}${note}`);
    }
    console.log(`${this.passed} passed, ${this.failed} failed`);
  }
}
