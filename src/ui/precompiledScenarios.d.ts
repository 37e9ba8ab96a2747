/** scripts/vite/precompiledScenarios.ts: each shipped scenario's precompiled document, by file name. */
declare module 'virtual:precompiled-scenarios' {
  const urls: Record<string, string>;
  export default urls;
}
