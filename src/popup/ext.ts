/**
 * The slice of the extension API the popup uses. Chrome (MV3) and Firefox both return promises from these
 * calls, so no polyfill is needed; UI tests inject a stub `browser` with the same shape.
 */
export interface PopupExtensionApi {
  readonly runtime: { sendMessage(message: unknown): Promise<unknown> };
  readonly tabs: {
    query(query: { active: boolean; currentWindow: boolean }): Promise<{ id?: number; url?: string }[]>;
  };
  readonly i18n: {
    getMessage(name: string, substitutions?: string | string[]): string;
    getUILanguage(): string;
  };
}

const scope = globalThis as { browser?: PopupExtensionApi; chrome?: PopupExtensionApi };

/** Firefox (and the tests' stub) provide `browser`; Chromium provides `chrome`. */
export function extensionApi(): PopupExtensionApi {
  const api = scope.browser ?? scope.chrome;
  if (!api?.runtime) throw new Error('The popup must run inside the extension.');
  return api;
}
