/** The store layer: the clock, one drill (GameStore), the session around it, and derived views. */
export * from './clock';
export * from './gameStore';
export * from './replayStore';
export * from './recording';
export * from './session';
export * from './selectors';
export * from './format';
export * from './scoreMoves';
export * from './tutorialSteps';
export * from './districts';
