// @grafana/data 12.4 touches `window` and `document` while it loads (its localStorage store and
// nano-css), so Node callers (tsx scripts, node-environment tests) import this first.
// The browser already has both; the converter itself never uses them.
import { JSDOM } from 'jsdom';

if (typeof window === 'undefined') {
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>');
  Object.assign(globalThis, { window: dom.window, document: dom.window.document });
}
