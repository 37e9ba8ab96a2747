/** After the drill: records, verification, time travel, what-if, saves and share links (pure, no DOM). */
export * from './record';
export * from './verify';
export * from './replayer';
export * from './whatif';
export * from './save';
export * from './share';
export * from './series';
export * from './report';
export * from './dropped';
export * from './untrusted';
export * from './refusals';
export * from './fit';
export * from './text';
export * from './facilitatorWords';
export { ENGLISH_RUN_WORDS, type RunWords } from './words';
export { componentChangeData, harmChangeData, type HarmChange } from './whatIfExplain';
