// Small helpers for timing: medians, formatting, and a rough clock.

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Runs `task` and returns its duration in milliseconds. */
export async function time(task) {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

export function ms(value) {
  return value < 10 ? `${value.toFixed(2)} ms` : `${value.toFixed(1)} ms`;
}

export function count(value) {
  return value.toLocaleString('en-US');
}

/**
 * Wall and CPU milliseconds of `task`. On a shared machine the wall clock also counts other
 * processes; the CPU time of this process is what the code itself costs.
 */
export async function clocks(task) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await task();
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

/** Runs `task` once to warm up, then `rounds` times; the medians of both clocks. */
export async function medianClocks(rounds, task) {
  await task();
  const walls = [];
  const cpus = [];
  for (let round = 0; round < rounds; round++) {
    const { wall, cpu } = await clocks(task);
    walls.push(wall);
    cpus.push(cpu);
  }
  return { wall: median(walls), cpu: median(cpus) };
}
