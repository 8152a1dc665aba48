// Package quality holds the tests that measure the real site as built:
// every page's weight and request count, and, in headless Chromium, the
// language switcher, layout without sideways scrolling at phone and
// desktop widths, and axe-core's WCAG 2.1 A and AA rules in light and
// dark colour schemes. It has no code of its own; its tests build the
// project at the repository root into a temporary folder.
package quality
