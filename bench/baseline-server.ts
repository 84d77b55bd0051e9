import { createServer } from 'node:http';
import express from 'express';
import { readAnswers, type Answer } from './answers';

/**
 * The two baselines, run as a child process: `node baseline-server.js raw|express <port> <answers.json>`.
 * For each bench request they answer secmock's own answer to it, captured just before (status, headers and
 * body, byte for byte), so that a ratio compares the same bytes and shows what secmock's pipeline costs over
 * the platform (raw node:http) or over a bare Express app. Requests with a JSON body (the create, the
 * aggregate query) are parsed first, as secmock must: express.json() in Express, JSON.parse in node:http.
 * Express gets the settings secmock's Express app uses (no etag, no x-powered-by).
 */
function main(): void {
  const [kind, port, answersFile] = process.argv.slice(2);
  if ((kind !== 'raw' && kind !== 'express') || !port || !answersFile)
    throw new Error('usage: baseline-server raw|express <port> <answers.json>');
  const answers = readAnswers(answersFile);
  const listen = kind === 'raw' ? rawServer(answers) : expressServer(answers);
  listen(Number(port));
}

function rawServer(answers: Answer[]): (port: number) => void {
  const byRequest = new Map(answers.map((a) => [`${a.method} ${a.path}`, a]));
  const server = createServer((req, res) => {
    const answer = byRequest.get(`${req.method} ${req.url}`);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (!answer) {
        res.writeHead(404).end();
        return;
      }
      if (answer.parsesJson) JSON.parse(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(answer.status, { ...answer.headers, 'content-length': answer.body.length });
      res.end(answer.body);
    });
  });
  return (port) => server.listen(port, '127.0.0.1');
}

function expressServer(answers: Answer[]): (port: number) => void {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  const routes = new Set<string>();
  for (const answer of answers) {
    // Routed on method and path as an Express app would be; the query (list's ?limit=50) is not routed on.
    const path = new URL(answer.path, 'http://x').pathname;
    const route = `${answer.method} ${path}`;
    if (routes.has(route)) throw new Error(`two answers for ${route}`);
    routes.add(route);
    const handlers: express.RequestHandler[] = answer.parsesJson ? [express.json()] : [];
    handlers.push((_req, res) => {
      res.status(answer.status).set(answer.headers).send(answer.body);
    });
    if (answer.method === 'GET') app.get(path, ...handlers);
    else if (answer.method === 'POST') app.post(path, ...handlers);
    else throw new Error(`no route for ${answer.method}`);
  }
  return (port) => app.listen(port, '127.0.0.1');
}

main();
