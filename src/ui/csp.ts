/**
 * The Content-Security-Policy of the built game (vite.config.ts writes it into index.html as a
 * `<meta http-equiv>`, so it holds however dist/ is served, even from a plain file share).
 *
 * Scripts only from the game's own files: no inline script, no eval, so scenario text that ever slipped into
 * the page as markup still could not run. Connections (fetch, XHR, WebSocket) only to the game's own origin:
 * a drill has nothing to send anywhere. Workers (the what-if analysis) from its own files. Images also from
 * data:/blob: URLs, which Phaser uses for its built-in textures and for images it loads. Inline styles stay
 * allowed: uPlot and the panels set element styles, and styles cannot run code.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
