import { benchDashboards } from './dashboards';
import { benchEnvoyStats } from './envoyStats';
import { benchHistogram } from './histogram';
import { benchReadability } from './readability';
import { benchScale } from './scale';
import { benchSimulator } from './simulator';
import { benchTopology } from './topology';

/** Each section of `npm run bench`, in the order it runs; each resolves to what results.json records under its name. */
export const SECTIONS: Record<string, () => Promise<unknown>> = {
  simulator: benchSimulator,
  topology: benchTopology,
  readability: benchReadability,
  histogram: benchHistogram,
  dashboards: benchDashboards,
  'envoy-stats': benchEnvoyStats,
  scale: benchScale,
};

/**
 * Sections `npm run bench` runs only when named (`npm run bench -- scale`): scale holds the machine for half an hour
 * and needs ~12 GB of memory (bench/scale.ts).
 */
export const OPT_IN: ReadonlySet<string> = new Set(['scale']);
