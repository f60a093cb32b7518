/** Median and 95th percentile of `runs` timed calls, after `warmUps` untimed ones (for scale tests). */
export async function timeCalls(run: () => Promise<unknown>, { runs = 10, warmUps = 2 } = {}) {
  for (let i = 0; i < warmUps; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(runs / 2)], p95: times[Math.ceil(runs * 0.95) - 1] };
}
