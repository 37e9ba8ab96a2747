import Phaser from 'phaser';
import { t } from '../src/i18n';
import { percentLabel } from '../src/store/format';
import { SHIPPED_SCENARIOS } from '../src/ui/scenarioFiles';
import { shippedFiles } from '../src/ui/shippedFiles';
import { REGISTRY, sessionOf } from './context';
import { COLOURS, FONT, TEXT_COLOUR } from './palette';

/** The game's name is the same in every language. */
const GAME_NAME = 'Cascade';

/**
 * Loads the shipped scenario files through Phaser's loader (so the bar shows real progress), compiles them
 * into the session, and opens the menu.
 */
export class Preloader extends Phaser.Scene {
  constructor() {
    super('Preloader');
  }

  preload(): void {
    const { width, height } = this.scale;
    const barWidth = Math.min(520, width * 0.6);
    const x = (width - barWidth) / 2;
    const y = height / 2;
    this.add
      .text(width / 2, y - 48, GAME_NAME, {
        fontFamily: FONT,
        fontSize: '40px',
        color: TEXT_COLOUR,
        fontStyle: 'bold',
      })
      .setOrigin(0.5);
    const label = this.add
      .text(width / 2, y + 34, t('map:loading'), {
        fontFamily: FONT,
        fontSize: '18px',
        color: TEXT_COLOUR,
      })
      .setOrigin(0.5);
    const frame = this.add.graphics();
    frame.lineStyle(2, COLOURS.outline, 1);
    frame.strokeRect(x, y - 10, barWidth, 20);
    const bar = this.add.graphics();
    this.load.on(Phaser.Loader.Events.PROGRESS, (value: number) => {
      bar.clear();
      bar.fillStyle(COLOURS.status.recovering, 1);
      bar.fillRect(x + 3, y - 7, (barWidth - 6) * value, 14);
      label.setText(t('map:loadingProgress', { percent: percentLabel(value) }));
    });
    for (const file of SHIPPED_SCENARIOS) {
      this.load.text(file.fileName, file.url);
      if (file.precompiledUrl) this.load.json(file.fileName, file.precompiledUrl);
    }
  }

  create(): void {
    const loaded = SHIPPED_SCENARIOS.map((f) => ({
      fileName: f.fileName,
      text: (this.cache.text.get(f.fileName) as string | undefined) ?? '',
      precompiled: this.cache.json.get(f.fileName) as unknown,
    }));
    const defaultId = this.registry.get(REGISTRY.defaultScenario) as string;
    // Built from the precompiled documents at once; a file without a matching one waits for the compiler.
    void shippedFiles(loaded).then((files) => {
      sessionOf(this).getState().loadShipped(files, defaultId);
      this.scene.start('Menu');
    });
  }
}
