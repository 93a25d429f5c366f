// The tooltip's stylesheet as a string (Vite minifies `?inline` CSS in the build).
import css from './tooltip.css?inline';

export const TOOLTIP_CSS: string = css;
