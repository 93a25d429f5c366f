// Names for what Tifa puts where a page can read it (highlight names, the wrapping painter's classes,
// the tooltip's element): they must say nothing, neither Tifa nor what was found (issue 16).

/**
 * A name drawn anew for each use on each page, so no page can look for it: letters only, as a CSS
 * identifier must not start with a digit (and a custom element's name must start with a letter).
 */
export const randomName = (): string => Math.random().toString(36).slice(2).replace(/\d/g, (d) => 'abcdefghij'.charAt(+d));
