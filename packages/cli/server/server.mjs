// The receiver as a running service (what `trust-center receive` starts): its settings from the
// manifest and the environment, an HTTP server, and a graceful stop that lets submissions under way
// finish storing before the database closes.
import { createServer } from 'node:http';
import { isTimeZone } from './business-days.mjs';
import { createChannels, notificationConfig } from './notify.mjs';
import { createReceiver } from './receiver.mjs';

/**
 * What the receiver takes from a validated manifest: the acknowledgement promise, whether reports must be
 * encrypted (a pinned key), the origin the form is embedded on, and the path its endpoints share.
 */
export function receiverSettingsFromManifest(manifest) {
  const warnings = [];
  const disclosure = manifest.disclosure;
  let basePath = '/api';
  const endpointPath = (endpoint) => (endpoint ? new URL(endpoint, 'http://relative.invalid/').pathname : undefined);
  const reports = endpointPath(disclosure?.endpoint);
  if (reports?.endsWith('/reports')) basePath = reports.slice(0, -'/reports'.length);
  else if (reports) warnings.push(`disclosure.endpoint: the receiver serves ${basePath}/reports, not ${reports}; point the endpoint there`);
  const requests = endpointPath(manifest.documentAccess?.endpoint);
  if (requests && requests !== `${basePath}/document-requests`) {
    warnings.push(`documentAccess.endpoint: the receiver serves ${basePath}/document-requests, not ${requests}`);
  }
  return {
    settings: {
      basePath,
      acknowledgeBusinessDays: disclosure?.acknowledgeBusinessDays ?? 2,
      requireEncryption: Boolean(disclosure?.encryption),
      allowedOrigins: [new URL(manifest.organization.url).origin],
    },
    warnings,
  };
}

/**
 * Starts the receiver. `env` supplies notifications (TRUST_CENTER_SMTP_*, TRUST_CENTER_WEBHOOK_*), the
 * inbox token and the time zone; the rest are createReceiver options.
 */
export async function startReceiver({ port = 8787, host = '127.0.0.1', manifest, env = process.env, shutdownTimeoutMs = 10_000, ...options }) {
  const notify = notificationConfig(env, manifest);
  const timeZone = options.timeZone ?? env.TRUST_CENTER_TIME_ZONE ?? 'UTC';
  if (!isTimeZone(timeZone)) throw new Error(`TRUST_CENTER_TIME_ZONE: "${timeZone}" is not a time zone (e.g. Europe/Berlin)`);
  const channels = await createChannels(notify);
  const receiver = createReceiver({ ...options, notify, channels, timeZone, inboxToken: options.inboxToken ?? (env.TRUST_CENTER_INBOX_TOKEN || undefined) });
  // Open (and migrate) the database before taking requests: a wrong --db fails here, not on the first report.
  let store;
  try {
    store = await receiver.store();
  } catch (error) {
    await receiver.close();
    throw new Error(`cannot open the database: ${error.message}`, { cause: error });
  }

  /** Requests being answered: a stop waits for them. */
  let inFlight = 0;
  let idle;
  const server = createServer((req, res) => {
    inFlight++;
    res.on('close', () => {
      inFlight--;
      if (inFlight === 0) idle?.();
    });
    void receiver(req, res);
  });
  // A slow client cannot hold a connection (and a submission slot) open forever.
  server.requestTimeout = 30_000;
  server.headersTimeout = 20_000;
  try {
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    // A port in use must not leave the database and the outbox worker holding the process open.
    await receiver.close();
    throw new Error(`cannot listen on ${host}:${port}: ${error.message}`);
  }
  const address = server.address();
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;

  let stopping;
  /** Graceful: no new connections, 503 for new submissions, in-flight ones finish, then the database closes. */
  function stop() {
    stopping ??= (async () => {
      receiver.drain();
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeIdleConnections();
      if (inFlight > 0) {
        await Promise.race([new Promise((resolve) => (idle = resolve)), new Promise((resolve) => setTimeout(resolve, shutdownTimeoutMs).unref())]);
      }
      server.closeAllConnections();
      await closed;
      await receiver.close();
    })();
    return stopping;
  }

  return { server, url, receiver, store, notify, timeZone, stop };
}
