// pilot-agent's own registry, prefixed istio_agent_ (spec §4). client_golang style: # HELP and # TYPE.
import type { ExpositionWriter } from './exposition-writer';

export interface AgentFacts {
  startedAt: number;
  scrapes: number;
  /** Deterministic per-pod variation. */
  jitter: number;
}

const FAMILIES: Array<{ name: string; type: string; help: string; value: (f: AgentFacts, now: number) => number }> = [
  {
    name: 'istio_agent_go_goroutines',
    type: 'gauge',
    help: 'Number of goroutines that currently exist.',
    value: (f) => 60 + Math.floor(f.jitter * 20),
  },
  {
    name: 'istio_agent_go_memstats_heap_alloc_bytes',
    type: 'gauge',
    help: 'Number of heap bytes allocated and still in use.',
    value: (f) => 9_500_000 + Math.floor(f.jitter * 2_000_000),
  },
  {
    name: 'istio_agent_process_cpu_seconds_total',
    type: 'counter',
    help: 'Total user and system CPU time spent in seconds.',
    value: (f, now) => (now - f.startedAt) * 0.002,
  },
  {
    name: 'istio_agent_process_resident_memory_bytes',
    type: 'gauge',
    help: 'Resident memory size in bytes.',
    value: (f) => 48_000_000 + Math.floor(f.jitter * 6_000_000),
  },
  {
    name: 'istio_agent_process_start_time_seconds',
    type: 'gauge',
    help: 'Start time of the process since unix epoch in seconds.',
    value: (f) => Math.floor(f.startedAt),
  },
  { name: 'istio_agent_scrapes_total', type: 'counter', help: 'The total number of scrapes.', value: (f) => f.scrapes },
  {
    name: 'istio_agent_startup_duration_seconds',
    type: 'gauge',
    help: 'The time from the process starting to being marked ready.',
    value: (f) => 1.2 + f.jitter,
  },
  {
    name: 'istio_agent_xds_proxy_requests',
    type: 'counter',
    help: 'The total number of Xds Proxy Requests',
    value: (f, now) => 1 + Math.floor((now - f.startedAt) / 30),
  },
];

/** Each family's lines up to its sample value. */
const HEADS = FAMILIES.map((fam) =>
  Buffer.from(`# HELP ${fam.name} ${fam.help}\n# TYPE ${fam.name} ${fam.type}\n${fam.name} `)
);

export function writeAgent(f: AgentFacts, now: number, out: ExpositionWriter): void {
  FAMILIES.forEach((fam, i) => {
    out.bytes(HEADS[i]);
    out.valueLine(fam.value(f, now));
  });
}
