// Envoy counts each request once in _count and in every bucket at or above its latency, so between any two
// scrapes a bucket grows by at most what _count grows by: observations above a bound form a counter too. The
// simulator integrates fractional rates and prints integers, so this must hold however scrapes fall; a
// bucket outgrowing _count made short-window ratios such as 1 - rate(bucket) / rate(count) negative.
import { startSimulator } from '../../simulator';
import { parseExposition } from './exposition';

test('between scrapes no histogram bucket shrinks or outgrows its _count, at any scrape spacing', async () => {
  let t = 1_800_000_000;
  const sim = await startSimulator({ seed: 3, now: () => t });
  try {
    const paths = sim
      .targets()
      .map((x) => x.labels.__metrics_path__)
      .filter((p) => p.endsWith('/stats/prometheus'));
    const previous = new Map<string, { count: number; buckets: number[] }>();
    const problems: string[] = [];
    let checked = 0;
    // Uneven steps, many under a second: the spacing at which fractional counts round differently per bucket.
    for (let scrape = 0; scrape < 120; scrape++) {
      t += 0.05 + ((scrape * 7919) % 100) / 100;
      for (const path of paths) {
        const families = parseExposition(await (await fetch(sim.url + path)).text());
        for (const name of ['istio_request_duration_milliseconds', 'istio_request_bytes', 'istio_response_bytes']) {
          const byLabels = new Map<string, { count: number; buckets: number[] }>();
          for (const s of families.get(name)?.samples ?? []) {
            const key = `${path} ${name}{${s.labels
              .filter(([k]) => k !== 'le')
              .map(([k, v]) => `${k}=${v}`)
              .join(',')}}`;
            const h = byLabels.get(key) ?? { count: 0, buckets: [] };
            if (s.name.endsWith('_bucket')) {
              h.buckets.push(s.value);
            } else if (s.name.endsWith('_count')) {
              h.count = s.value;
            }
            byLabels.set(key, h);
          }
          for (const [key, h] of byLabels) {
            const before = previous.get(key);
            if (before) {
              checked++;
              const grown = h.count - before.count;
              h.buckets.forEach((b, i) => {
                if (b < before.buckets[i] || b - before.buckets[i] > grown) {
                  problems.push(
                    `${key} bucket ${i}: ${before.buckets[i]} → ${b} while _count ${before.count} → ${h.count}`
                  );
                }
              });
            }
            previous.set(key, h);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(problems.slice(0, 5)).toEqual([]);
  } finally {
    await sim.close();
  }
});
