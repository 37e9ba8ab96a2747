/**
 * Starts the studio's worker (src/workers/studio.ts), or — where workers cannot start (a build opened from a
 * file share: browsers refuse module workers on file://) — answers with the same handler on the page: slower,
 * but never silent. A worker that fails to load reports it only later, as an error event: the request it was
 * given is then answered on the page.
 */
import { handleStudio, type StudioReply, type StudioRequest } from '../../workers/studioHandler';

export type Post = (request: StudioRequest) => void;

export interface StudioWorker {
  post: Post;
  stop(): void;
}

export function startWorker(onReply: (reply: StudioReply) => void): StudioWorker {
  const inPage: Post = (r) => handleStudio(r, onReply);
  let worker: Worker | null = null;
  try {
    worker = new Worker(new URL('../../workers/studio.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = null;
  }
  if (!worker) return { post: inPage, stop: () => {} };
  let pending: StudioRequest | null = null;
  let post: Post = (r) => {
    pending = r;
    worker.postMessage(r);
  };
  worker.onmessage = (e: MessageEvent<StudioReply>) => onReply(e.data);
  worker.onerror = (e) => {
    e.preventDefault();
    worker.terminate();
    post = inPage;
    if (pending) inPage(pending);
  };
  return { post: (r) => post(r), stop: () => worker.terminate() };
}
