import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import express from 'express';

/**
 * The two baselines, run as a child process: `node baseline-server.js raw|express <port> <body.json>`.
 * Both answer every request with the same precomputed JSON (secmock's own get-by-id answer), so they show
 * what the platform and Express cost before secmock does any work. Express gets the settings secmock's
 * Express app uses (no etag, no x-powered-by), so the gap to secmock is secmock's own pipeline.
 */
function main(): void {
  const [kind, port, bodyFile] = process.argv.slice(2);
  if ((kind !== 'raw' && kind !== 'express') || !port || !bodyFile)
    throw new Error('usage: baseline-server raw|express <port> <body.json>');
  const body = readFileSync(bodyFile);
  const listen = kind === 'raw' ? rawServer(body) : expressServer(body);
  listen(Number(port));
}

function rawServer(body: Buffer): (port: number) => void {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
    res.end(body);
  });
  return (port) => server.listen(port, '127.0.0.1');
}

function expressServer(body: Buffer): (port: number) => void {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.use((_req, res) => {
    res.type('application/json').send(body);
  });
  return (port) => app.listen(port, '127.0.0.1');
}

main();
