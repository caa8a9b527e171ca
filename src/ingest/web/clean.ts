/**
 * Removes page furniture before Readability scores the page: photo captions and credits, share
 * and follow bars, "related" and newsletter boxes. Readability drops much of this itself, but not
 * what sits inside the article container (a caption under each photo, a share bar between two
 * paragraphs). Matched on the words sites use in class and id names and on ARIA roles; an element
 * is removed only when it holds little text, so an article container named "post-share-wrapper"
 * survives.
 */
import { all, type Doc, type El } from './dom';

/** Whole words (split on `-`, `_`, space and case) in class or id names that mark furniture. */
const FURNITURE_WORD = /^(?:caption|captions|credit|credits|share|sharing|sharebar|social|socials|related|newsletter|promo|subscribe|subscription|advert|advertisement|ad|ads|outbrain|taboola|breadcrumb|breadcrumbs|tags|recirc|recommended|popular|trending|comments|disqus|byline|author|bio|toolbar|signup|paywall|modal|cookie|cookies|consent)$/;

/** Most characters a removable element may hold (a caption or a box, never a story). */
const MAX_FURNITURE_CHARS = 400;

/** Strips furniture in place. */
export function removeFurniture(doc: Doc): void {
  for (const el of all(doc, 'figcaption, [role="complementary"], [aria-hidden="true"], [hidden]')) remove(el, Infinity);
  for (const el of all(doc, '[class], [id]')) {
    if (!isFurnitureName(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`)) continue;
    remove(el, MAX_FURNITURE_CHARS);
  }
}

function isFurnitureName(names: string): boolean {
  for (const word of names.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[\s_-]+/)) {
    if (FURNITURE_WORD.test(word)) return true;
  }
  return false;
}

function remove(el: El, maxChars: number): void {
  if (!el.parentElement) return;
  const tag = el.tagName.toUpperCase();
  if (tag === 'BODY' || tag === 'HTML' || tag === 'ARTICLE' || tag === 'MAIN') return;
  if ((el.textContent ?? '').length > maxChars) return;
  el.remove();
}
