import { startSimulator, Simulator } from '../simulator';
import { Prometheus, startPrometheus } from '../test/helpers/prometheus';
import { PreviewServer, startPreview } from '../test/preview/server';

export interface Stack {
  simulator: Simulator;
  /** Undefined when Prometheus is not installed: the preview then runs on fixtures only. */
  prometheus?: Prometheus;
  preview: PreviewServer;
  stop(): Promise<void>;
}

/** The simulator, a real Prometheus scraping it (the system binary) and the preview page proxying that Prometheus. */
export async function startStack(o: {
  port?: number;
  topology?: string;
  seed?: number;
  scrapeInterval?: string;
}): Promise<Stack> {
  const simulator = await startSimulator({ topology: o.topology, seed: o.seed });
  const prometheus = await startPrometheus({
    sdUrl: `${simulator.url}/sd`,
    scrapeInterval: o.scrapeInterval ?? '5s',
  }).catch((error: Error) => {
    console.error(`Prometheus could not start: ${error.message}`);
    console.error('The preview still runs on its fixtures. Install Prometheus with: sudo apt-get install prometheus');
    return undefined;
  });
  const preview = await startPreview({ port: o.port, prometheusUrl: prometheus?.url });
  return {
    simulator,
    prometheus,
    preview,
    stop: async () => {
      await Promise.allSettled([preview.close(), prometheus?.stop(), simulator.close()]);
    },
  };
}
