/**
 * Web Worker entry for the instructor's studio (started by src/ui/studio/studioWorker.ts as a module worker):
 * compiling as the author types and the quick balance run here, so typing never waits for them. All logic is
 * in studioHandler.ts.
 */
// Before anything that uses zod: the page's Content-Security-Policy also holds in workers (no `new Function`).
import '../ui/zodJitless';
import { handleStudio, type StudioReply, type StudioRequest } from './studioHandler';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<StudioRequest>) => void) | null;
  postMessage(message: StudioReply): void;
};

scope.onmessage = (event) => handleStudio(event.data, (reply) => scope.postMessage(reply));
