/** Who may change a server's library, and its quotas, as plain checks. */
import { UserInputError } from '../core/errors';
import type { Caller } from '../core/library';
import type { LibrarySettings } from '../storage/libraryStore';

/** Members with Manage Server, or with the server's library role when one is set. */
export function canEdit(caller: Caller, settings: Pick<LibrarySettings, 'managerRoleId'>): boolean {
  return caller.canManageServer || (settings.managerRoleId !== null && caller.roleIds.includes(settings.managerRoleId));
}

/** Refuses an add over a quota, saying which and when it frees up. */
export function checkQuotas(settings: LibrarySettings, used: { serverAdds: number; userAdds: number; articles: number }): void {
  if (used.articles >= settings.maxArticles) {
    throw new UserInputError(`This server's library is full (${settings.maxArticles} articles). Remove one with /library remove first.`);
  }
  if (used.userAdds >= settings.addsPerUserPerHour) {
    throw new UserInputError(`You have added ${used.userAdds} articles in the last hour (the limit is ${settings.addsPerUserPerHour}). Try again later.`);
  }
  if (used.serverAdds >= settings.addsPerHour) {
    throw new UserInputError(`This server has added ${used.serverAdds} articles in the last hour (the limit is ${settings.addsPerHour}). Try again later.`);
  }
}
