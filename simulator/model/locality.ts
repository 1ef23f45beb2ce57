// Localities (Istio's region/zone/subzone, from the nodes' topology labels) and how a client's requests split over
// the zones of a destination's endpoints: evenly without locality load balancing (Istio applies it only with
// outlier detection), nearest priority first with failover, by weight with distribute. The same rules feed the
// per-zone Envoy stats (render/envoy-stats.ts) and /truth (truth.ts).
import type { LocalityDistribute, LocalityLbSpec, Topology } from '../topology/types';

export interface Locality {
  region: string;
  zone: string;
  subzone: string;
}

/** `region/zone[/subzone]` (validated by topology/validate.ts) → its parts. */
export function parseLocality(text: string): Locality {
  const [region, zone, subzone = ''] = text.split('/');
  return { region, zone, subzone };
}

/** Two zones per cluster when the topology names none: region<n>/region<n>-a and -b. */
export function clusterLocalities(t: Topology, clusters: readonly string[]): Map<string, Locality[]> {
  return new Map(
    clusters.map((c, i) => {
      const region = `region${i + 1}`;
      const given = t.localities?.[c] ?? [`${region}/${region}-a`, `${region}/${region}-b`];
      return [c, given.map(parseLocality)];
    })
  );
}

/** Kubernetes' well-known topology labels for a locality (Istio reads the node's; subzone is Istio's own label). */
export function topologyLabels(l: Locality): Record<string, string> {
  return {
    'topology.kubernetes.io/region': l.region,
    'topology.kubernetes.io/zone': l.zone,
    ...(l.subzone ? { 'topology.istio.io/subzone': l.subzone } : {}),
  };
}

/**
 * Istio's locality pattern match (`region/zone/subzone`, `*` for any part; missing trailing parts match anything),
 * as DestinationRule `distribute.from` and `to` keys are matched.
 */
export function localityMatches(pattern: string, l: Locality): boolean {
  const parts = [l.region, l.zone, l.subzone];
  const want = pattern.split('/');
  for (let i = 0; i < want.length; i++) {
    if (want[i] === '*') {
      return true;
    }
    if (want[i] !== parts[i]) {
      return false;
    }
  }
  return true;
}

const key = (l: Locality) => `${l.region}/${l.zone}/${l.subzone}`;

/** Shares per endpoint locality (key) that sum to 1, as an even split over the endpoints given. */
function evenly(endpoints: readonly Locality[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of endpoints) {
    out.set(key(e), (out.get(key(e)) ?? 0) + 1 / endpoints.length);
  }
  return out;
}

/** Failover: every request to the nearest priority (same subzone, zone, region, anywhere) that has endpoints. */
function failover(client: Locality, endpoints: readonly Locality[]): Map<string, number> {
  const levels = [
    (e: Locality) => e.region === client.region && e.zone === client.zone && e.subzone === client.subzone,
    (e: Locality) => e.region === client.region && e.zone === client.zone,
    (e: Locality) => e.region === client.region,
  ];
  for (const near of levels) {
    const picked = endpoints.filter(near);
    if (picked.length > 0) {
      return evenly(picked);
    }
  }
  return evenly(endpoints);
}

/**
 * Distribute: the first rule whose `from` matches the client gives each `to` pattern a weight, shared evenly by the
 * endpoint localities it matches (the first pattern matching a locality claims it); a locality no pattern matches
 * gets nothing, and endpoints within a locality share its weight evenly. No rule for the client: an even split.
 */
function distribute(
  client: Locality,
  endpoints: readonly Locality[],
  rules: LocalityDistribute[]
): Map<string, number> {
  const rule = rules.find((r) => localityMatches(r.from, client));
  if (!rule) {
    return evenly(endpoints);
  }
  const localities = [...new Map(endpoints.map((e) => [key(e), e])).values()];
  const claimed = new Map<string, number>();
  for (const [pattern, weight] of Object.entries(rule.to)) {
    const matched = localities.filter((l) => !claimed.has(key(l)) && localityMatches(pattern, l));
    for (const l of matched) {
      claimed.set(key(l), weight / matched.length);
    }
  }
  const total = [...claimed.values()].reduce((a, b) => a + b, 0);
  if (total === 0) {
    return evenly(endpoints);
  }
  return new Map([...claimed].filter(([, w]) => w > 0).map(([k, w]) => [k, w / total]));
}

/**
 * The zones a client's requests reach and the share each gets, over a destination's endpoints (one locality per
 * pod), under the destination's locality load-balancing setting (undefined: none).
 */
export function zoneShares(
  client: Locality,
  endpoints: readonly Locality[],
  policy: LocalityLbSpec | undefined
): Array<[string, number]> {
  if (endpoints.length === 0) {
    return [];
  }
  const byLocality =
    policy === undefined
      ? evenly(endpoints)
      : policy.distribute
        ? distribute(client, endpoints, policy.distribute)
        : failover(client, endpoints);
  const byZone = new Map<string, number>();
  for (const [k, share] of byLocality) {
    const zone = k.split('/')[1];
    byZone.set(zone, (byZone.get(zone) ?? 0) + share);
  }
  return [...byZone];
}
