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
