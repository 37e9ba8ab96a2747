/**
 * The console window's page (`/#facilitator`): the same index.html as the game, but no game — the regions the
 * game would fill are removed, and the console is mounted in their place. It follows the game window of this
 * browser through the BroadcastChannel (./protocol.ts).
 */
import '../styles.css';
import { mountConsole } from './consolePanel';
import { CHANNEL_NAME } from './protocol';
import { startInChosenLanguage } from '../language';
import { loadTexts, t } from '../../i18n';

await startInChosenLanguage();
// The console's texts, and the debrief's (its score list names each component with them), load on demand.
await loadTexts(['debrief', 'console']);

for (const id of ['app', 'menu', 'debrief', 'help']) document.getElementById(id)?.remove();
const root = document.createElement('main');
root.id = 'console';
document.body.append(root);
document.title = t('console:pageTitle');
mountConsole(root, new BroadcastChannel(CHANNEL_NAME));
