// Seeded randomness: every random choice in the simulator flows from the user's seed so that a
// topology, its pod names and its noise sequence are reproducible.

/** mulberry32: tiny, fast, good enough for traffic noise; returns floats in [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, used to derive per-object seeds from names so adding one edge does not reshuffle all others. */
export function hash32(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const POD_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** A Kubernetes-looking random suffix (ReplicaSet hash or pod suffix), deterministic per key. */
export function kubeSuffix(key: string, length: number): string {
  const next = rng(hash32(key));
  let out = '';
  for (let i = 0; i < length; i++) {
    out += POD_ALPHABET[Math.floor(next() * POD_ALPHABET.length)];
  }
  return out;
}
