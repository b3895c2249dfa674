import { parentPort } from 'node:worker_threads';
import { createSearchCore } from '../bank/search-index.js';
import type { SearchReply, SearchRequest } from './search-worker-client.js';

/**
 * The bank's search index in a thread of its own (see search-worker-client.ts): building it, updating it
 * and answering searches over 100,000 questions take seconds of CPU and hundreds of MB of small objects,
 * whose collection would otherwise stop the bot's event loop too. Requests are handled one after another
 * in the order sent, so a search sees every change sent before it.
 */
const core = createSearchCore();
let queue: Promise<void> = Promise.resolve();

parentPort?.on('message', (request: SearchRequest) => {
  queue = queue.then(() => handle(request));
});

async function handle(request: SearchRequest): Promise<void> {
  let reply: SearchReply;
  try {
    switch (request.op) {
      case 'apply':
        core.apply(request.changes);
        reply = { id: request.id, value: null };
        break;
      case 'settle':
        await core.tidy();
        reply = { id: request.id, value: core.size };
        break;
      case 'search':
        reply = { id: request.id, value: core.search(request.how, request.text, request.limit, request.filter) };
        break;
    }
  } catch (err) {
    reply = { id: request.id, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort?.postMessage(reply);
}
