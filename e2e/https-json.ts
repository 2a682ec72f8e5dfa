import https from 'node:https';

export interface JsonAnswer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- asserted field by field
  body: any;
  text: string;
}

/** One HTTPS request trusting only `ca`; a JSON body and a bearer token when given. */
export function httpsJson(
  url: string,
  { ca, method = 'GET', body, token }: { ca: Buffer; method?: string; body?: unknown; token?: string },
): Promise<JsonAnswer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      {
        method,
        ca,
        headers: {
          ...(payload ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => {
          const json = res.headers['content-type']?.startsWith('application/json');
          resolve({ status: res.statusCode!, body: json ? JSON.parse(text) : undefined, text });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
