// Names for what Tifa puts where a page can read it (highlight names, the wrapping painter's classes,
// the tooltip's element): they must say nothing, neither Tifa nor what was found (issue 16).

/**
 * A name drawn anew for each use on each page, so no page can look for it: letters only, as a CSS
 * identifier must not start with a digit (and a custom element's name must start with a letter).
 */
export function randomName(): string {
  // Built letter by letter, not by replacing digits: a regular expression is compiled on a world's
  // first use, and every page load names its highlights.
  let name = '';
  while (name.length < 10) name += String.fromCharCode(97 + Math.random() * 26);
  return name;
}
