// Landmarks around a page's content: its navigation, sidebars and footer.
const FURNITURE = 'nav, aside, footer, [role="navigation"], [role="complementary"], [role="contentinfo"]';
// Inside an article or the main content, the same elements are the content's own (a fact box, an article's
// footer of sources).
const CONTENT = 'main, article, [role="main"], [role="article"]';

/** Whether `block` lies in the page's navigation, a sidebar or the page's footer, outside its main content. */
export function isPageFurniture(block: Element): boolean {
  const furniture = block.closest(FURNITURE);
  return furniture !== null && furniture.closest(CONTENT) === null;
}
