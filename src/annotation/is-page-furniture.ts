import { composedClosest } from './composed-tree';

// Landmarks around a page's content: its navigation, sidebars and footer.
const FURNITURE = 'nav, aside, footer, [role="navigation"], [role="complementary"], [role="contentinfo"]';
// Inside an article or the main content, the same elements are the content's own (a fact box, an article's
// footer of sources).
const CONTENT = 'main, article, [role="main"], [role="article"]';

/**
 * Whether `block` lies in the page's navigation, a sidebar or the page's footer, outside its main content
 * (across shadow roots: a site's footer is often a web component).
 */
export function isPageFurniture(block: Element): boolean {
  const furniture = composedClosest(block, FURNITURE);
  return furniture !== null && composedClosest(furniture, CONTENT) === null;
}
