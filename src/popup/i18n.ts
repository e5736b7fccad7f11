/**
 * UI chrome strings from `_locales/<lang>/messages.json`, in the browser's language. Rule wording (check
 * names, verdicts, fixes) comes from `createMessages` in src/rules instead, shared with the in-page hint.
 */
import { extensionApi } from './ext.ts';

export type MessageKey = keyof typeof import('../../public/_locales/en/messages.json');

/** A chrome string with its `$1`-style substitutions; the key itself if a locale lacks it (never blank). */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const text = extensionApi().i18n.getMessage(key, substitutions.map(String));
  return text || key;
}

/** BCP 47 tag of the browser's UI language, for Intl formatting and `createMessages`. */
export function uiLanguage(): string {
  try {
    return extensionApi().i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}
