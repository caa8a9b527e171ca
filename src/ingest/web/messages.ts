/** The member-facing messages for HTTP status codes: one clear sentence each. */
import { ImportError } from '../importTypes';

/** An `ImportError` for a non-2xx, non-redirect status. */
export function statusError(status: number): ImportError {
  if (status === 404 || status === 410) return new ImportError('http-status', `That page does not exist (the site answered ${status} Not Found).`);
  if (status === 401 || status === 403) {
    return new ImportError('http-status', `The site refused access to that page (${status}); it may need a login or a subscription, or block automated readers.`);
  }
  if (status === 402) return new ImportError('http-status', 'That page is behind a paywall (402 Payment Required).');
  if (status === 429) return new ImportError('http-status', 'The site is limiting requests right now (429); try again later.');
  if (status >= 500) return new ImportError('http-status', `The site had an error (${status}); try again later.`);
  return new ImportError('http-status', `The site answered ${status} instead of the page.`);
}
