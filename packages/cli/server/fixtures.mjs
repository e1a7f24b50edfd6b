// What the tests of server/ and scripts/serve.mjs share: a raw HTTP client and a valid report.
import { request } from 'node:http';

/** A raw request, its path sent as written (fetch would refuse some of the malformed ones, or normalise them). */
export function send(base, path, { method = 'POST', headers = {}, body } = {}) {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

export function report(overrides = {}) {
  return {
    reference: 'TC-20261127-7F3K9Q',
    title: 'Stored XSS in the profile page',
    asset: 'web',
    url: 'https://artisser.example/profile',
    description: 'The display name is rendered without escaping.',
    steps: '1. Set the display name to <img src=x onerror=alert(1)>\n2. Open the profile.',
    impact: 'Session theft for anyone who views the profile.',
    severity: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N',
    name: null,
    email: 'researcher@example.org',
    policy: { id: 'security', updated: '2026-06-05' },
    submittedAt: '2026-11-27T15:00:00.000Z',
    locale: 'en',
    antiAbuse: { honeypot: false, elapsedMs: 45_000 },
    ...overrides,
  };
}
