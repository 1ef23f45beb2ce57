// Seeded randomness: every random choice in the simulator flows from the user's seed so that a
// topology, its pod names and its noise sequence are reproducible.
import { mulberry32 } from '../../src/mulberry32';

// The generator lives in src/, with its unit test, and is shared with the synthetic meshes of test/support/; it is
// pure, so the simulator can take it from there.
export { mulberry32 as rng };

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
  const next = mulberry32(hash32(key));
  let out = '';
  for (let i = 0; i < length; i++) {
    out += POD_ALPHABET[Math.floor(next() * POD_ALPHABET.length)];
  }
  return out;
}
