/**
 * A throwaway Alertmanager (Debian's prometheus-alertmanager) whose only receiver is a webhook served by the test
 * itself on loopback, so a test reads exactly what Alertmanager would notify.
 *
 *   const am = await startAlertmanager();            // Prometheus: alertmanagers target am.address; vmalert: am.url
 *   const firing = await am.waitFor((a) => a.labels.alertname === 'X' && a.status === 'firing', 30_000);
 *   await am.stop();
 *
 * Every alert is its own group (group_by: ['...']) notified without waiting (group_wait 0s) and re-checked each
 * second (group_interval 1s), so the webhook sees an alert as soon as Alertmanager has it and its resolution
 * within a second of Alertmanager learning of it.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import { findBinary, startServer } from './process';

export interface NotifiedAlert {
  status: 'firing' | 'resolved';
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string;
  generatorURL: string;
  /** When the webhook received it (ms since the epoch). */
  receivedAt: number;
}

export interface Alertmanager {
  url: string;
  /** host:port for Prometheus' alertmanagers static_configs. */
  address: string;
  /** Every alert of every notification so far, in arrival order. */
  notified(): NotifiedAlert[];
  /** The first notified alert matching, waiting up to timeoutMs; the error lists what did arrive. */
  waitFor(match: (a: NotifiedAlert) => boolean, timeoutMs: number): Promise<NotifiedAlert>;
  stop(): Promise<void>;
}

function listen(server: HttpServer): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });
}

export async function startAlertmanager(): Promise<Alertmanager> {
  const notified: NotifiedAlert[] = [];
  const waiters = new Set<() => void>();
  const webhook = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const receivedAt = Date.now();
      for (const a of (JSON.parse(body) as { alerts: Array<Omit<NotifiedAlert, 'receivedAt'>> }).alerts) {
        notified.push({ ...a, receivedAt });
      }
      waiters.forEach((w) => w());
      res.writeHead(200).end();
    });
  });
  const webhookPort = await listen(webhook);
  const closeWebhook = () =>
    new Promise<void>((resolve) => {
      webhook.closeAllConnections();
      webhook.close(() => resolve());
    });

  const config = [
    'route:',
    '  receiver: test',
    "  group_by: ['...']",
    '  group_wait: 0s',
    '  group_interval: 1s',
    '  repeat_interval: 1h',
    'receivers:',
    '  - name: test',
    '    webhook_configs:',
    `      - url: http://127.0.0.1:${webhookPort}/`,
    '        send_resolved: true',
    '',
  ].join('\n');
  let server;
  try {
    server = await startServer({
      name: 'alertmanager',
      bin: findBinary(
        'prometheus-alertmanager',
        'ALERTMANAGER_BIN',
        'sudo apt-get install prometheus-alertmanager (the binary is prometheus-alertmanager)'
      ),
      files: () => ({ 'alertmanager.yml': config }),
      args: (port, dir) => [
        `--config.file=${dir}/alertmanager.yml`,
        `--storage.path=${dir}/data`,
        `--web.listen-address=127.0.0.1:${port}`,
        // An empty address turns off the gossip cluster, which would otherwise listen on 0.0.0.0:9094.
        '--cluster.listen-address=',
        '--log.level=warn',
      ],
      readyPath: '/-/ready',
    });
  } catch (err) {
    await closeWebhook();
    throw err;
  }
  const stopServer = server.stop;

  return {
    url: server.url,
    address: `127.0.0.1:${server.port}`,
    notified: () => [...notified],
    waitFor(match, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = notified.find(match);
          if (found) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          const seen = notified.map((a) => `${a.status} ${JSON.stringify(a.labels)}`);
          reject(new Error(`no matching alert within ${timeoutMs} ms; notified so far:\n${seen.join('\n')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async stop() {
      await Promise.all([stopServer(), closeWebhook()]);
    },
  };
}
