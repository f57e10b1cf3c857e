"""Screen sizes the room is used at, and what of a page's visible text lies outside the screen."""

from __future__ import annotations

from playwright.sync_api import Page

SIZES = [(1024, 768), (1280, 720), (1280, 640), (1920, 1080), (390, 844), (844, 390)]
"""Projectors (4:3, 16:9), a browser window that is not full screen, a phone upright and turned."""

_OUTSIDE = """() => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const faded = (element) => {
    for (let e = element; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.opacity === '0' || style.display === 'none') return true;
    }
    return getComputedStyle(element).visibility === 'hidden';
  };
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const element = node.parentElement;
    if (!node.textContent.trim() || !element) continue;
    if (element.closest('[hidden], .kd-visually-hidden, script, style, title')) continue;
    if (faded(element)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width < 1 || r.height < 1) continue;
      if (r.left < -1 || r.top < -1 || r.right > innerWidth + 1 || r.bottom > innerHeight + 1) {
        found.push(node.textContent.trim().slice(0, 40) + ' at ' +
          [r.left, r.top, r.right, r.bottom].map(Math.round).join(','));
      }
    }
  }
  return found;
}"""


def text_outside(page: Page) -> list[str]:
    """Every piece of visible text whose box reaches past the edges of the viewport."""
    found: list[str] = page.evaluate(_OUTSIDE)
    return found


_OVERLAPS = """(scope) => {
  const root = scope ? document.querySelector(scope) : document.body;
  const boxes = [];
  const faded = (element) => {
    for (let e = element; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.opacity === '0' || style.display === 'none') return true;
    }
    return getComputedStyle(element).visibility === 'hidden';
  };
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const element = node.parentElement;
    if (!node.textContent.trim() || !element) continue;
    if (element.closest('[hidden], .kd-visually-hidden, script, style, title, desc')) continue;
    if (faded(element)) continue;
    // A text's box is its font's full height, which a tight line-height lets reach past the
    // line it sits on: each box is cut to the block it is laid out in.
    let block = element;
    while (block.parentElement && getComputedStyle(block).display.startsWith('inline')) {
      block = block.parentElement;
    }
    const edge = block.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const full of range.getClientRects()) {
      const r = {
        left: Math.max(full.left, edge.left), right: Math.min(full.right, edge.right),
        top: Math.max(full.top, edge.top), bottom: Math.min(full.bottom, edge.bottom),
      };
      r.width = r.right - r.left;
      r.height = r.bottom - r.top;
      if (r.width >= 1 && r.height >= 1) boxes.push({node, r, text: node.textContent.trim()});
    }
  }
  const found = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.node === b.node) continue;
      const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
      const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      // Lines set close may touch by a pixel or two; text drawn over text covers far more.
      if (w > 4 && h > 0.3 * Math.min(a.r.height, b.r.height)) {
        found.push(a.text.slice(0, 30) + ' / ' + b.text.slice(0, 30));
      }
    }
  }
  return found;
}"""


def text_overlaps(page: Page, scope: str | None = None) -> list[str]:
    """Every pair of visible pieces of text whose boxes lie over each other."""
    found: list[str] = page.evaluate(_OVERLAPS, scope)
    return found
