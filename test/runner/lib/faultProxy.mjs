// An HTTP proxy on 127.0.0.1 between the extension host and moto that injects the failures real AWS
// has: throttling (400 Throttling, 503 SlowDown), 500s, ETag conflicts (412 PreconditionFailed),
// requests that never get an answer, dropped connections and slow answers. Without rules it forwards
// every request untouched.
//
// Tests control it over HTTP, on the proxy's own port under /__faults (no AWS path starts so):
//   PUT    /__faults/rules     body: a JSON array of rules (replaces the rules in force)
//   DELETE /__faults/rules     no rules; requests held by a `hang` rule are cut off
//   GET    /__faults/requests  the requests seen since the last DELETE, oldest first:
//                              [{ seq, method, path, target, agent, fault }] (fault: what was done, or null)
//   DELETE /__faults/requests  forgets them
//
// A rule: { method?, path?, target?, agent?, times?, fault }. `path` is a regular expression the path
// (without the query) must match, `target` the exact X-Amz-Target header of a JSON-protocol call (KMS,
// Secrets Manager and SSM all POST to `/` and name the operation there, e.g. `TrentService.Sign` for
// kms:Sign), `agent` a text the User-Agent or X-Amz-User-Agent header must contain (so a rule can hit
// the extension's calls and spare the tests' own), `times` how many matching requests it affects
// (default: all). The first rule that matches a request decides. `fault` is one of
//   { status, code, message? }      an AWS-style error answer: for a JSON-protocol call (one with an
//                                   X-Amz-Target header) `{"__type": code, "message"}` with the
//                                   x-amzn-ErrorType header, as KMS answers; otherwise XML in
//                                   CloudFront's ErrorResponse shape (S3 reads the same Code)
//   { status, page: 'html' | 'empty' }
//                                   an answer that is not AWS's: an HTML page (as a wrong endpoint, a
//                                   proxy or a web server's error page sends it) or an empty body
//   { hang: true }                  no answer at all, until the client gives up or the rules are cleared
//   { drop: 'request' | 'response'} the connection is reset before the request reaches moto, or after
//                                   moto carried it out (its answer is lost)
//   { delayMs }                     forwarded, and answered that much later
import { appendFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { onCleanup } from './processes.mjs';

const CONTROL_PREFIX = '/__faults';
const MAX_LOGGED = 1000;

/**
 * @typedef {{ status: number, code: string, message?: string } | { status: number, page: 'html' | 'empty' } | { hang: true } | { drop: 'request' | 'response' } | { delayMs: number }} Fault
 * @typedef {{ method?: string, path?: string, target?: string, agent?: string, times?: number, fault: Fault }} Rule
 * @typedef {{ seq: number, method: string, path: string, target: string, agent: string, fault: string | null }} SeenRequest
 */

/**
 * @typedef {object} FaultProxy
 * @property {string} url the address to use as the AWS endpoint, e.g. http://127.0.0.1:40123
 * @property {string} controlUrl `${url}/__faults`, for the tests (CFPC_FAULT_PROXY)
 * @property {() => Promise<void>} stop closes the server and every connection; idempotent
 */

/** @param {Fault} fault */
function describeFault(fault) {
  if ('page' in fault) return `${fault.status} ${fault.page} page`;
  if ('status' in fault) return `${fault.status} ${fault.code}`;
  if ('hang' in fault) return 'hang';
  if ('drop' in fault) return `drop ${fault.drop}`;
  return `delay ${fault.delayMs} ms`;
}

/**
 * @param {{ status: number, code: string, message?: string }} fault
 * @param {number} seq
 */
function errorBody(fault, seq) {
  const type = fault.status >= 500 ? 'Receiver' : 'Sender';
  const message = fault.message ?? `${fault.code} injected by the test fault proxy`;
  return (
    '<?xml version="1.0"?>\n' +
    `<ErrorResponse xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Error><Type>${type}</Type><Code>${fault.code}</Code>` +
    `<Message>${message}</Message></Error><RequestId>fault-proxy-${seq}</RequestId></ErrorResponse>`
  );
}

/**
 * The same error for a JSON-protocol call (awsJson1_1: KMS, Secrets Manager, SSM), which reads the
 * error's name from x-amzn-ErrorType or `__type` and never parses XML.
 * @param {{ status: number, code: string, message?: string }} fault
 */
function jsonErrorBody(fault) {
  return JSON.stringify({ __type: fault.code, message: fault.message ?? `${fault.code} injected by the test fault proxy` });
}

/**
 * Reads a request body to the end (small JSON from tests, or an AWS request that is not forwarded).
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<Buffer>}
 */
function readBody(req) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * @param {{ target: string, port?: number, logFile?: string }} options target: moto's URL
 * @returns {Promise<FaultProxy>}
 */
export async function startFaultProxy({ target, port = 0, logFile }) {
  const upstream = new URL(target);
  /** @type {Array<Rule & { used: number }>} */
  let rules = [];
  /** @type {SeenRequest[]} */
  let seen = [];
  let seq = 0;
  /** Requests a `hang` rule holds, cut off when the rules are cleared. @type {Set<import('node:http').IncomingMessage>} */
  const held = new Set();
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set();
  const log = (/** @type {string} */ line) => {
    if (logFile) appendFileSync(logFile, `${new Date().toISOString()} ${line}\n`);
  };

  /**
   * The rule for a request, counting it as used.
   * @param {import('node:http').IncomingMessage} req
   * @param {string} path
   * @param {string} target the X-Amz-Target header ('' when absent)
   * @param {string} agent
   */
  function ruleFor(req, path, target, agent) {
    for (const rule of rules) {
      if (rule.times !== undefined && rule.used >= rule.times) continue;
      if (rule.method && rule.method.toUpperCase() !== req.method) continue;
      if (rule.path && !new RegExp(rule.path).test(path)) continue;
      if (rule.target && rule.target !== target) continue;
      if (rule.agent && !agent.includes(rule.agent)) continue;
      rule.used++;
      return rule;
    }
    return undefined;
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {{ dropResponse?: boolean }} [options]
   */
  function forward(req, res, { dropResponse = false } = {}) {
    const outgoing = httpRequest({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      if (dropResponse) {
        answer.resume();
        answer.on('end', () => req.socket.destroy());
        return;
      }
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    outgoing.on('error', (error) => {
      if (res.headersSent) res.destroy();
      else res.writeHead(502, { 'content-type': 'text/plain' }).end(`fault proxy: moto did not answer: ${error.message}`);
    });
    req.pipe(outgoing);
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {string} path
   */
  async function control(req, res, path) {
    const send = (/** @type {number} */ status, /** @type {unknown} */ body) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(body === undefined ? '' : JSON.stringify(body));
    };
    const body = await readBody(req);
    if (path === `${CONTROL_PREFIX}/rules` && req.method === 'PUT') {
      const parsed = JSON.parse(body.toString('utf8') || '[]');
      if (!Array.isArray(parsed) || parsed.some((r) => !r || typeof r !== 'object' || !r.fault)) return send(400, { error: 'a JSON array of rules, each with a fault' });
      rules = parsed.map((rule) => ({ ...rule, used: 0 }));
      log(`rules: ${JSON.stringify(parsed)}`);
      return send(204);
    }
    if (path === `${CONTROL_PREFIX}/rules` && req.method === 'DELETE') {
      rules = [];
      for (const request of held) request.socket.destroy();
      held.clear();
      log('rules cleared');
      return send(204);
    }
    if (path === `${CONTROL_PREFIX}/requests` && req.method === 'GET') return send(200, seen);
    if (path === `${CONTROL_PREFIX}/requests` && req.method === 'DELETE') {
      seen = [];
      return send(204);
    }
    return send(404, { error: `no control route ${req.method} ${path}` });
  }

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) {
      control(req, res, path).catch((error) => res.writeHead(500).end(String(error)));
      return;
    }
    const agent = `${req.headers['user-agent'] ?? ''} ${req.headers['x-amz-user-agent'] ?? ''}`;
    const target = String(req.headers['x-amz-target'] ?? '');
    const rule = ruleFor(req, path, target, agent);
    const entry = { seq: ++seq, method: req.method ?? '', path, target, agent, fault: rule ? describeFault(rule.fault) : null };
    seen.push(entry);
    if (seen.length > MAX_LOGGED) seen.shift();
    log(`#${entry.seq} ${entry.method} ${path}${target ? ` ${target}` : ''}${rule ? ` -> ${entry.fault}` : ''}`);
    if (!rule) return forward(req, res);
    const fault = rule.fault;
    if ('page' in fault) {
      void readBody(req).then(() => {
        // The shape of a web server's own 404/500 page (this one is what moto's server sends for a route it lacks).
        const body =
          fault.page === 'html' ? `<!doctype html>\n<html lang=en>\n<title>${fault.status} Not an AWS answer</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server.</p>\n` : '';
        res.writeHead(fault.status, { 'content-type': fault.page === 'html' ? 'text/html; charset=utf-8' : 'text/plain', 'content-length': Buffer.byteLength(body) }).end(body);
      });
    } else if ('status' in fault) {
      void readBody(req).then(() => {
        const json = target !== '';
        const body = json ? jsonErrorBody(fault) : errorBody(fault, entry.seq);
        res
          .writeHead(fault.status, {
            'content-type': json ? 'application/x-amz-json-1.1' : 'text/xml',
            'content-length': Buffer.byteLength(body),
            'x-amzn-requestid': `fault-proxy-${entry.seq}`,
            ...(json ? { 'x-amzn-errortype': fault.code } : {}),
          })
          .end(body);
      });
    } else if ('hang' in fault) {
      held.add(req);
      req.socket.once('close', () => held.delete(req));
      req.resume();
    } else if ('drop' in fault) {
      if (fault.drop === 'response') forward(req, res, { dropResponse: true });
      else req.socket.destroy();
    } else {
      setTimeout(() => forward(req, res), fault.delayMs);
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: '127.0.0.1' }, () => resolve(undefined));
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
  /** @type {Promise<void> | undefined} */
  let stopping;
  const stop = () =>
    (stopping ??= new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }).then(() => unregister()));
  const unregister = onCleanup(stop);
  return { url, controlUrl: `${url}${CONTROL_PREFIX}`, stop };
}
