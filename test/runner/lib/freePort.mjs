// Finds a TCP port that is free on 127.0.0.1 right now, by letting the OS pick one (listen on port 0).
import { createServer } from 'node:net';

/**
 * @param {string} [host] the address to probe; 127.0.0.1 unless told
 * @returns {Promise<number>} a port nobody listened on a moment ago (a race with other processes
 *   is possible, so callers that spawn a server should retry on "address in use")
 */
export function freePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not read the port the OS picked'))));
    });
  });
}
