// The Content Security Policy of every app page, sent as a header by the app:// handler (and kept
// in index.html as a meta tag for the web build). No network: connect-src allows only the app's own
// origin. antd writes its styles at run time, hence 'unsafe-inline' for styles only, never scripts.
// 'wasm-unsafe-eval' lets WebAssembly compile (the paper-form reader's runtime, from the app's own
// files) and nothing else: eval and inline scripts stay forbidden.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
].join('; ');
