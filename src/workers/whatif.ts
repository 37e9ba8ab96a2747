/**
 * Web Worker entry for "what if" (started by src/ui/report/whatIfPanel.ts as a module worker): the re-runs take
 * seconds on a four-hour drill, and here they do not block the page. All logic is in whatifHandler.ts.
 */
import '../ui/zodJitless';
import { handleWhatIf, type WhatIfReply, type WhatIfRequest } from './whatifHandler';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WhatIfRequest>) => void) | null;
  postMessage(message: WhatIfReply): void;
};

scope.onmessage = (event) => handleWhatIf(event.data, (reply) => scope.postMessage(reply));
