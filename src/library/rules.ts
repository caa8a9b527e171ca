/** Who may change a server's library, and its quotas, as plain checks. */
import type { Caller } from '../core/library';
import type { LibrarySettings } from '../storage/libraryStore';

/** Members with Manage Server, or with the server's library role when one is set. */
export function canEdit(caller: Caller, settings: Pick<LibrarySettings, 'managerRoleId'>): boolean {
  return caller.canManageServer || (settings.managerRoleId !== null && caller.roleIds.includes(settings.managerRoleId));
}

/** Said when the server's library holds its limit of articles. */
export function fullMessage(settings: Pick<LibrarySettings, 'maxArticles'>): string {
  return `This server's library is full (${settings.maxArticles} articles). Remove one with /library remove first.`;
}

/** Said when an hourly add limit is reached (which one: the member's or the server's). */
export function addLimitMessage(which: 'server' | 'user', settings: Pick<LibrarySettings, 'addsPerHour' | 'addsPerUserPerHour'>): string {
  return which === 'user'
    ? `You have added ${settings.addsPerUserPerHour} articles in the last hour (the limit is ${settings.addsPerUserPerHour}). Try again later.`
    : `This server has added ${settings.addsPerHour} articles in the last hour (the limit is ${settings.addsPerHour}). Try again later.`;
}
