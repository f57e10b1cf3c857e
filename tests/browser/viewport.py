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
